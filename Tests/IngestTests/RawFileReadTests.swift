import Foundation
@testable import Ingest
import Testing

/// Raw files are read with POSIX calls: whole, checked against the size limit before reading,
/// and with the system's reason when they cannot be read.
@Suite struct RawFileReadTests {
    static func temporaryFile(_ bytes: Data) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("policykb-raw-\(UUID().uuidString).txt").path
        try bytes.write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test(arguments: [0, 1, 4095, 4096, 4097, 200_000])
    func aFileIsReadWhole(size: Int) throws {
        let bytes = Data((0..<size).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        let path = try Self.temporaryFile(bytes)
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case .read(let data) = IngestRun.readRawFile(path, limit: 1_000_000) else {
            Issue.record("not read")
            return
        }
        #expect(data == bytes)
    }

    @Test func aFileOverTheLimitIsRefusedWithItsSize() throws {
        let path = try Self.temporaryFile(Data(repeating: 0x41, count: 10_001))
        defer { try? FileManager.default.removeItem(atPath: path) }
        guard case .tooLarge(let size) = IngestRun.readRawFile(path, limit: 10_000) else {
            Issue.record("not refused")
            return
        }
        #expect(size == 10_001)
        guard case .read(let data) = IngestRun.readRawFile(path, limit: 10_001) else {
            Issue.record("refused at the limit")
            return
        }
        #expect(data.count == 10_001)
    }

    @Test func aFileThatCannotBeReadGivesTheSystemsReason() throws {
        let missing = FileManager.default.temporaryDirectory.appendingPathComponent("policykb-missing-\(UUID().uuidString)").path
        guard case .failed(let reason) = IngestRun.readRawFile(missing, limit: 1_000) else {
            Issue.record("a missing file was read")
            return
        }
        #expect(reason == "No such file or directory")
        // A folder opens but cannot be read.
        guard case .failed(let folderReason) = IngestRun.readRawFile(FileManager.default.temporaryDirectory.path, limit: 100_000_000) else {
            Issue.record("a folder was read")
            return
        }
        #expect(folderReason == "Is a directory")
    }
}
