#ifndef XIESHANG_CFUZZER_SHIM_H
#define XIESHANG_CFUZZER_SHIM_H
#include <stddef.h>
#include <stdint.h>

// libFuzzer's driver entry point. Weak, so the fuzz executable still links (and explains itself) when built
// without -sanitize=fuzzer. SwiftPM replaces libFuzzer's own main with the target's, so main.swift calls this.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size))
    __attribute__((weak));

static inline int xs_fuzzer_linked(void) { return LLVMFuzzerRunDriver != 0; }

static inline int xs_fuzzer_run(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size)) {
    return LLVMFuzzerRunDriver(argc, argv, callback);
}
#endif
