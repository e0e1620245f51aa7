import Content
import Foundation
@testable import Site
import Testing

/// The pinyin Slug spells names in is kept in `.policykb/` for the program that made it. It
/// depends on nothing a user edits, so a full build (`--full`) reads it as every build does
/// instead of starting ICU's transliterator again.
struct TransliterationCacheTests {
    private func writeCache(_ pairs: [String: String], program: UInt64, in root: URL) throws {
        var writer = CacheWriter()
        writer.string(TransliterationCache.magic)
        writer.word(program)
        writer.int(pairs.count)
        for (text, latin) in pairs.sorted(by: { $0.key < $1.key }) {
            writer.string(text)
            writer.string(latin)
        }
        try CacheFile.write(writer.bytes, root: root, path: TransliterationCache.path)
    }

    @Test func aFullBuildReadsTheProgramsTransliterations() throws {
        let site = try FixtureSite()
        defer { site.remove() }
        // Texts no other test spells, so Slug's memo (one per process) cannot hold them already.
        let mine = "缓存\(UUID().uuidString)"
        let stale = "旧缓存\(UUID().uuidString)"
        try writeCache([mine: "huan-cun-from-the-cache"], program: BuildInputs.programDigest, in: site.root)
        var context = BuildContext(root: site.root)
        context.incremental = false
        _ = try BuildSteps.loadConfiguration(&context)
        #expect(Slug.make(mine) == "huan-cun-from-the-cache")

        // Another program's transliterations are not used.
        try writeCache([stale: "from-another-program"], program: BuildInputs.programDigest &+ 1, in: site.root)
        _ = try BuildSteps.loadConfiguration(&context)
        #expect(Slug.make(stale) != "from-another-program")
    }
}
