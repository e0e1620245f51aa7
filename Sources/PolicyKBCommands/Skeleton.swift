import Foundation

/// The files `policykb init` writes: a copy of the repository's site.yml, templates/ and
/// content/taxonomy/, embedded as a resource bundle (Skeleton/, refreshed by scripts/sync-skeleton).
enum Skeleton {
    static var folder: URL? {
        Bundle.module.url(forResource: "Skeleton", withExtension: nil)
    }

    /// Every file of the skeleton, as paths relative to it, sorted.
    static func files() -> [String] {
        guard let folder else { return [] }
        let base = folder.standardizedFileURL.path
        let all = FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? []
        return all.filter { path in
            var isFolder: ObjCBool = false
            return FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isFolder) && !isFolder.boolValue
        }.sorted()
    }

    static func contents(of path: String) -> Data? {
        guard let folder else { return nil }
        return FileManager.default.contents(atPath: folder.appendingPathComponent(path).path)
    }

    /// The README written into a new knowledge base.
    static let readme = """
        # A policykb knowledge base

        Made by `policykb init`. Everyday commands, run in this folder:

        ```sh
        policykb ingest              # content/raw/* → content/reports/*.md
        policykb new "报告标题" --tags 营商环境 --regions 昆山市   # a hand-written report
        policykb serve               # build, preview at http://127.0.0.1:8080/, rebuild on change
        policykb build && policykb check   # the site in public/, every link checked
        ```

        | path | what it holds |
        | --- | --- |
        | `site.yml` | title, base URL, language and the other settings (every key is commented) |
        | `content/raw/` | reports as collected (text, HTML copied from web pages, GBK or UTF-8) |
        | `content/reports/` | one Markdown file per report with YAML front matter |
        | `content/taxonomy/topics.yml` | the topic vocabulary: tags must be one of these topics |
        | `content/taxonomy/regions.csv` | the gazetteer: regions must be one of these names |
        | `templates/` | Mustache templates and assets (see templates/README.md) |
        | `public/` | the generated site: publish this folder |
        | `.policykb/` | what the last build kept to make the next one quick (keep out of version control; safe to delete) |

        Before publishing, set `baseURL` in site.yml to the address the site will live at.
        """
}
