#ifndef XIESHANG_CNGHTTP2_SHIM_H
#define XIESHANG_CNGHTTP2_SHIM_H
// libnghttp2 imports cleanly into Swift. The transport's reactor also needs epoll and eventfd, which the Glibc
// module does not export; they are Linux headers of the same module-owning layer, so they live here.
#include <nghttp2/nghttp2.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#endif
