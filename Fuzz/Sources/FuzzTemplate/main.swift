import FuzzDriver
import Foundation

// libFuzzer drives `fuzzTemplate` with its own options: see docs/fuzzing.md.
var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzTemplate(data, size) })
