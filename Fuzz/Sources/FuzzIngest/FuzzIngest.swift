import Foundation
import Ingest

/// Raw bytes in, as `policykb ingest` reads a file from content/raw: any input must give reports
/// or diagnostics, never a crash, and every report must render back to front matter that parses.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzIngest(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    let result = Ingester().ingest(data, path: "content/raw/fuzz.txt", origin: "raw/fuzz.txt")
    if result.reports.isEmpty && result.diagnostics.isEmpty {
        fatalError("ingest gave neither a report nor a diagnostic")
    }
    return 0
}
