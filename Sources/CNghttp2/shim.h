#ifndef XIESHANG_CNGHTTP2_SHIM_H
#define XIESHANG_CNGHTTP2_SHIM_H
// libnghttp2 imports cleanly into Swift; this shim only exists so the module map has one header to name.
#include <nghttp2/nghttp2.h>
#endif
