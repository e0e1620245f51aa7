import CMimalloc
import PolicyKBCommands

// Linked for its malloc, which replaces glibc's in the whole process (the program's own
// allocations, Swift's runtime, cmark); the call keeps the linker from dropping the library.
_ = mi_version()
PolicyKB.main()
