import Foundation
import Testing

/// The program runs on mimalloc (a tenth off a full build; BENCHMARKS.md): linked into the
/// executable, it must be the malloc that Swift's runtime calls, not a library loaded beside glibc's.
struct AllocatorTests {
    #if os(Linux)
    @Test func swiftsRuntimeAllocatesWithMimalloc() throws {
        // The dynamic linker, asked to, says which library each call of `malloc` goes to.
        let result = try PolicyKBBinary.run(["--version"], environment: ["LD_DEBUG": "bindings"])
        #expect(result.status == 0)
        let bindings = result.stderr.split(separator: "\n").filter { $0.hasSuffix("normal symbol `malloc' [GLIBC_2.2.5]") }
        let runtime = try #require(bindings.first { $0.contains("/libswiftCore.so") }, "\(bindings.prefix(5))")
        #expect(runtime.contains("libmimalloc.so"), "\(runtime)")
        let toGlibc = bindings.filter { $0.components(separatedBy: "] to ").last?.contains("/libc.so") == true }
        #expect(toGlibc.isEmpty, "\(toGlibc.prefix(3))")
    }
    #endif
}
