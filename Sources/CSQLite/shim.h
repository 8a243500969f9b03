#ifndef XIESHANG_CSQLITE_SHIM_H
#define XIESHANG_CSQLITE_SHIM_H
#include <sqlite3.h>

// SQLITE_TRANSIENT is a cast macro, which Swift cannot import.
static inline sqlite3_destructor_type xs_sqlite_transient(void) { return SQLITE_TRANSIENT; }
#endif
