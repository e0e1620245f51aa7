#include <stddef.h>
#include <stdint.h>

// libFuzzer's entry point for a program with its own main (LLVM 11 and later). SwiftPM links an
// executable target's Swift main as `main`, so the fuzz targets call this instead of relying on
// libFuzzer's own main.
int LLVMFuzzerRunDriver(int *argc, char ***argv, int (*callback)(const uint8_t *data, size_t size));
