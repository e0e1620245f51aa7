import Content
import Foundation
import Site
import Taxonomy

/// A small knowledge base written into a temporary folder from inline text, built like the real one.
/// The templates are the repository's own, so the tests check what users get.
struct FixtureSite {
    let root: URL

    static let repository = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    init(files: [String: String] = FixtureSite.standardFiles) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("policykb-site-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: Self.repository.appendingPathComponent("templates"),
            to: root.appendingPathComponent("templates"))
        for (path, text) in files { try write(text, to: path) }
    }

    func write(_ text: String, to path: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }

    /// Builds as `policykb build` does: taxonomy, reports and templates all read from the folder.
    @discardableResult
    func build() throws -> BuildContext {
        try SiteBuilder(root: root).build()
    }

    var publicFolder: URL { root.appendingPathComponent("public") }

    func page(_ path: String) throws -> String {
        try String(contentsOf: publicFolder.appendingPathComponent(path), encoding: .utf8)
    }

    func exists(_ path: String) -> Bool {
        FileManager.default.fileExists(atPath: publicFolder.appendingPathComponent(path).path)
    }

    /// Every file in `public/` with its bytes, for comparing builds.
    func snapshot() -> [String: Data] {
        let base = publicFolder.path
        let entries = FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? []
        var files: [String: Data] = [:]
        for entry in entries {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: base + "/" + entry, isDirectory: &isFolder), !isFolder.boolValue {
                files[entry] = FileManager.default.contents(atPath: base + "/" + entry)
            }
        }
        return files
    }

    /// The path in `public/` of the region page whose heading is `name` (region slugs belong to the gazetteer).
    func regionPage(_ name: String) -> String? {
        snapshot().keys.sorted().first { path in
            path.hasPrefix("regions/") && path != "regions/index.html"
                && (try? page(path))?.contains("<h1>\(name)</h1>") == true
        }
    }

    // MARK: - Content

    static let topicsYML = """
        - name: 营商环境
          description: 政务服务、市场准入与企业服务。
          aliases: [营商生态]
        - name: 乡村振兴
          description: 农业农村现代化。
        - name: 产业发展
          description: 县域主导产业与园区。
        - name: 新质生产力
          description: 科技创新引领的先进生产力。
          parent: 产业发展
        - name: 数字经济
          description: 数字产业化与产业数字化。
          parent: 产业发展

        """

    static let regionsCSV = """
        code,name,level,parent_code,longitude,latitude
        320000000000,江苏省,1,,118.762765,32.060875
        320500000000,苏州市,2,320000000000,120.585728,31.2974
        320583000000,昆山市,3,320500000000,120.980736,31.385597
        320585000000,太仓市,3,320500000000,121.13055,31.457735
        410000000000,河南省,1,,113.753394,34.765869
        411600000000,周口市,2,410000000000,114.69695,33.626149
        411627000000,太康县,3,411600000000,114.837888,34.064463

        """

    static let siteYML = """
        title: 县域经济政策知识库
        baseURL: https://example.org/policykb/
        language: zh-CN

        """

    static let kunshan = """
        ---
        title: 昆山市优化营商环境调研报告
        date: 2023-12-28
        genre: 调研报告
        source: 昆山市发展和改革委员会
        tags:
          - 营商环境
          - 新质生产力
        regions: [江苏省, 苏州市, 昆山市]
        ---

        ## 一、基本情况

        昆山市持续优化营商环境，营商环境评价位居前列。<script>alert(1)</script>

        ## 二、存在问题

        部分审批事项仍需跑多次。

        ## 三、对策建议

        培育新质生产力，深化“一网通办”。

        """

    static let taicang = """
        ---
        title: 太仓市数字经济发展报告
        date: 2023-06
        tags: [数字经济, 营商环境]
        regions: [太仓市]
        ---

        太仓市数字经济规模持续扩大。

        """

    static let taikang = """
        ---
        title: 太康县乡村振兴调研
        date: 2022-05-10
        genre: 调研报告
        tags: [乡村振兴]
        regions: [太康县]
        places: [太康县/东屯乡]
        summary: 东屯乡发展特色种植，带动农民增收。
        ---

        # 太康县乡村振兴调研

        东屯乡发展特色种植。

        """

    static let zhoukou = """
        ---
        title: 周口市产业发展情况
        slug: zhou-kou-chan-ye
        date: 2024
        genre: 工作总结
        tags: [产业发展, 乡村振兴]
        regions: [周口市]
        ---

        周口市推进产业发展，太康县等县区各具特色。

        """

    static let standardFiles: [String: String] = [
        "site.yml": siteYML,
        "content/taxonomy/regions.csv": regionsCSV,
        "content/taxonomy/topics.yml": topicsYML,
        "content/reports/kunshan-yingshang.md": kunshan,
        "content/reports/taicang-shuzi.md": taicang,
        "content/reports/taikang-xiangcun.md": taikang,
        "content/reports/周口产业.md": zhoukou,
        "content/reports/.draft.md": "not a report",
    ]
}
