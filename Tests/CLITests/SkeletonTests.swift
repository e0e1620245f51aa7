import Foundation
import Testing

/// The skeleton `policykb init` embeds is a copy of the repository's own files, which stay the one
/// source of truth; `scripts/sync-skeleton` refreshes the copy.
@Suite struct SkeletonTests {
    static let skeleton = PolicyKBBinary.repoRoot.appendingPathComponent("Sources/PolicyKBCommands/Skeleton")

    @Test(arguments: ["site.yml", "templates", "content/taxonomy"])
    func theEmbeddedCopyEqualsTheRepositorysFiles(item: String) throws {
        let original = Self.files(under: PolicyKBBinary.repoRoot.appendingPathComponent(item))
        let copy = Self.files(under: Self.skeleton.appendingPathComponent(item))
        #expect(copy.keys.sorted() == original.keys.sorted(), "\(item) differs from the skeleton: run scripts/sync-skeleton")
        for (path, data) in original {
            #expect(copy[path] == data, "\(item)/\(path) differs from the skeleton: run scripts/sync-skeleton")
        }
    }

    /// Every file under a folder (or the file itself) by relative path.
    static func files(under url: URL) -> [String: Data] {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { return [:] }
        guard isFolder.boolValue else { return ["": FileManager.default.contents(atPath: url.path) ?? Data()] }
        var result: [String: Data] = [:]
        for case let path as String in FileManager.default.enumerator(atPath: url.path) ?? FileManager.DirectoryEnumerator() {
            let full = url.appendingPathComponent(path)
            var folder: ObjCBool = false
            if FileManager.default.fileExists(atPath: full.path, isDirectory: &folder), !folder.boolValue {
                result[path] = FileManager.default.contents(atPath: full.path)
            }
        }
        return result
    }
}
