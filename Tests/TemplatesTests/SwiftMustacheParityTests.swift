import Foundation
import Mustache
import Testing
@testable import Templates

/// Our templates render byte for byte what swift-mustache (the engine policykb used before, and
/// whose dialect the templates are written in) renders for the same template and values.
@Suite struct SwiftMustacheParityTests {
    nonisolated(unsafe) static let context: [String: Any] = [
        "title": "县域经济 <调研> & \"报告\" 'x'",
        "count": 42, "zero": 0, "yes": true, "no": false, "empty": "", "list": [] as [Any],
        "site": ["title": "知识库", "description": "说明"] as [String: Any],
        "items": [
            ["name": "昆山市", "href": "../regions/kun-shan/", "tags": ["营商环境", "招商引资"]] as [String: Any],
            ["name": "江阴市", "href": "../regions/jiang-yin/", "tags": [] as [String]] as [String: Any],
            ["name": "<b>", "href": "?a=1&b=2", "separator": true] as [String: Any],
        ],
        "nested": ["a": ["b": ["c": "deep"]]] as [String: Any],
        "words": ["一", "二", "三"],
        "html": "<em>强调</em>",
    ]

    static let partials: [String: String] = [
        "item": "<li><a href=\"{{href}}\">{{name}}</a>{{#tags}} <span>{{.}}</span>{{/tags}}</li>\n",
        "block": "line one\n{{#items}}\n  - {{name}}\n{{/items}}\nline two\n",
        "outer": "{{title}}|{{site.title}}\n",
        "multi": "a\n{{#yes}}\nb\n{{/yes}}\nc",
    ]

    static let templates: [String] = [
        "Hello {{title}}!",
        "{{{title}}} {{&title}} {{ title }} {{{ html }}}",
        "{{count}} {{zero}} {{yes}} {{no}} [{{empty}}] {{missing}}",
        "{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}notN{{/no}}{{^yes}}notY{{/yes}}",
        "{{#empty}}empty string is true{{/empty}}{{^empty}}empty string is false{{/empty}}",
        "{{#zero}}zero is true: {{.}}{{/zero}}{{#list}}never{{/list}}{{^list}}empty list{{/list}}",
        "{{#missing}}never{{/missing}}{{^missing}}missing is false{{/missing}}",
        "{{#items}}{{name}},{{/items}}",
        "<ul>\n{{#items}}\n<li>{{name}}</li>\n{{/items}}\n</ul>\n",
        "  {{#items}}\n  <li>{{name}}</li>\n  {{/items}}\n",
        "{{#items}}{{#separator}} › {{/separator}}<a href=\"{{href}}\">{{name}}</a>{{/items}}",
        "{{#items}}{{title}}:{{name}}{{#tags}}({{.}}/{{name}}){{/tags}}\n{{/items}}",
        "{{nested.a.b.c}} {{#nested}}{{a.b.c}}{{/nested}} {{nested.a.x}} {{#nested.a}}{{b.c}}{{/nested.a}}",
        "{{#site}}{{title}} / {{description}}{{/site}} {{site.title}}",
        "{{#words}}<{{.}}>{{/words}}",
        "{{! a comment }}after comment\n  {{! standalone comment }}\nnext line\n",
        "{{=<% %>=}}<% title %> {{title}} <%={{ }}=%>{{count}}\n",
        "text\n  {{=| |=}}\n|count|\n",
        "{{> item}}",
        "<ol>\n{{#items}}\n{{> item}}\n{{/items}}\n</ol>\n",
        "<div>\n  {{> block}}\n</div>\n",
        "<div>\n    {{> multi}}\n</div>\n",
        "{{#items}}{{> outer}}{{/items}}",
        "windows\r\n{{#yes}}\r\nline\r\n{{/yes}}\r\nend\r\n",
        "a {{#yes}}b{{/yes}} c\n{{#yes}}\n d \n{{/yes}}\n",
        "{{#items}}\n\n{{/items}}\n",
        "no newline at the end {{#yes}}x{{/yes}}",
        "\t{{#yes}}\t\n\tindented\n\t{{/yes}}\t\n",
        "{{^items}}none{{/items}}{{^list}}\n  none here\n{{/list}}",
        "中文{{title}}中文\n{{#items}}{{name}}、{{/items}}",
    ]

    func ours(_ template: String) throws -> String {
        var library = TemplateLibrary()
        for (name, text) in Self.partials { library.register(try Template(text), named: name) }
        library.register(try Template(template), named: "page")
        return library.render("page", context: TemplateObject(Self.context))
    }

    func theirs(_ template: String) throws -> String {
        var library = MustacheLibrary()
        for (name, text) in Self.partials { library.register(try MustacheTemplate(string: text), named: name) }
        library.register(try MustacheTemplate(string: template), named: "page")
        return library.render(Self.context, withTemplate: "page") ?? "<nil>"
    }

    @Test(arguments: templates)
    func rendersWhatSwiftMustacheRenders(template: String) throws {
        #expect(try ours(template) == theirs(template))
    }

    @Test func everyTemplateOfTheRepositoryParsesAndNamesItsPartials() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let folder = root.appendingPathComponent("templates")
        let files = (FileManager.default.enumerator(atPath: folder.path)?.allObjects as? [String] ?? []).filter { $0.hasSuffix(".mustache") }
        #expect(files.count >= 10)
        var names: Set<String> = []
        var partials: Set<String> = []
        for file in files {
            let template = try Template(String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8))
            names.insert(String(file.dropLast(".mustache".count)))
            partials.formUnion(template.partialNames)
        }
        #expect(partials.isSubset(of: names))
        #expect(partials.contains("partials/report-item"))
    }
}
