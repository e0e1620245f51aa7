import Testing
@testable import Templates

/// What our engine adds: partials rendered once per shared object, and errors with their place.
@Suite struct TemplateRenderingTests {
    func library(_ templates: [String: String]) throws -> TemplateLibrary {
        var library = TemplateLibrary()
        for (name, text) in templates { library.register(try Template(text), named: name) }
        return library
    }

    /// Page contexts mix dictionaries of `Any` with values made as template values already; the
    /// same page renders the same whichever way each part was made.
    @Test func valuesMadeEitherWayRenderTheSame() throws {
        let library = try library(["page": "{{site.title}}|{{#links}}<a href=\"{{href}}\">{{name}}</a>{{/links}}|{{#menu}}{{name}}{{/menu}}|{{#tags}}{{.}},{{/tags}}|{{n}}"])
        let asAny: [String: Any] = [
            "site": ["title": "知识库"] as [String: Any],
            "links": [["href": "a/", "name": "甲"], ["href": "b/", "name": "乙"]] as [[String: Any]],
            "menu": [["name": "首页"]] as [[String: Any]],
            "tags": ["x", "y"], "n": 3,
        ]
        let asValues: [String: Any] = [
            "site": ["title": .string("知识库")] as [String: TemplateValue],
            "links": [["href": .string("a/"), "name": .string("甲")], ["href": .string("b/"), "name": .string("乙")]] as [[String: TemplateValue]],
            "menu": [TemplateObject(["name": .string("首页")])],
            "tags": TemplateValue.list([.string("x"), .string("y")]), "n": TemplateValue.int(3),
        ]
        func render(_ context: [String: Any]) -> String {
            library.render("page", context: TemplateObject(context))
        }
        #expect(render(asAny) == "知识库|<a href=\"a/\">甲</a><a href=\"b/\">乙</a>|首页|x,y,|3")
        #expect(render(asValues) == render(asAny))
        #expect(TemplateValue(TemplateObject(["a": .int(1)]) as Any) != nil)
    }

    /// The types page contexts hold most are recognised by their exact type, without casting;
    /// each means what it means through the general conversion.
    @Test func commonTypesAreRecognisedAsWhatTheyAre() throws {
        let library = try library(["page": "{{n}}|{{#yes}}Y{{/yes}}{{^no}}N{{/no}}|{{v}}|{{#vs}}{{.}};{{/vs}}|{{pair.k}}|{{#rows}}{{k}},{{/rows}}|{{#empty}}E{{/empty}}"])
        let context: [String: Any] = [
            "n": 3, "yes": true, "no": false,
            "v": TemplateValue.string("<v>"),
            "vs": [TemplateValue.string("a"), TemplateValue.int(2)],
            "pair": ["k": "值"] as [String: String],
            "rows": [["k": "1"], ["k": "2"]] as [[String: String]],
            "empty": [] as [[String: String]],
        ]
        #expect(library.render("page", context: TemplateObject(context)) == "3|YN|&lt;v&gt;|a;2;|值|1,2,|")
        // The general conversion still takes what the exact types do not cover.
        let general: [String: Any] = ["n": 3.5, "rows": [["k": 1]] as [[String: Int]], "vs": ["a"[...]] as [Substring]]
        #expect(try self.library(["page": "{{n}}|{{#rows}}{{k}}{{/rows}}|{{#vs}}{{.}}{{/vs}}"]).render("page", context: TemplateObject(general)) == "3.5|1|a")
    }

    @Test func aSharedItemRendersItsPartialOnceAndTheSameEachTime() throws {
        let library = try library([
            "page": "{{#items}}{{> item}}{{/items}}",
            "item": "<a href=\"{{href}}\">{{title}}</a>",
        ])
        let item = TemplateObject(["href": .string("x/"), "title": .string("<标题>")], memoizable: true)
        let page = TemplateObject(["items": .list([.object(item), .object(item)])])
        let first = library.render("page", context: page)
        #expect(first == "<a href=\"x/\">&lt;标题&gt;</a><a href=\"x/\">&lt;标题&gt;</a>")
        #expect(item.memo("item") == Array("<a href=\"x/\">&lt;标题&gt;</a>".utf8))
        #expect(library.render("page", context: page) == first)
    }

    @Test func aPartialThatLooksOutsideItsItemIsNotRemembered() throws {
        // `root` comes from the page, not the item: two pages must each get their own.
        let library = try library([
            "page": "{{#items}}{{> item}}{{/items}}",
            "item": "<a href=\"{{root}}{{href}}\">{{title}}</a>",
        ])
        let item = TemplateObject(["href": .string("x/"), "title": .string("t")], memoizable: true)
        let top = library.render("page", context: TemplateObject(["root": .string("../"), "items": .list([.object(item)])]))
        let deep = library.render("page", context: TemplateObject(["root": .string("../../"), "items": .list([.object(item)])]))
        #expect(top == "<a href=\"../x/\">t</a>")
        #expect(deep == "<a href=\"../../x/\">t</a>")
        #expect(item.memo("item") == nil)
    }

    @Test func aMissingNameInTheItemIsALookOutsideIt() throws {
        let library = try library(["page": "{{#items}}{{> item}}{{/items}}", "item": "{{#summary}}{{summary}}{{/summary}}|"])
        let item = TemplateObject(["title": .string("t")], memoizable: true)
        #expect(library.render("page", context: TemplateObject(["summary": .string("页面的"), "items": .list([.object(item)])])) == "页面的|")
        #expect(library.render("page", context: TemplateObject(["items": .list([.object(item)])])) == "|")
    }

    @Test func aPartialThatBranchesIntoItselfStopsSoon() throws {
        let library = try library(["page": "{{> twice}}", "twice": "x{{> twice}}{{> twice}}"])
        let output = library.render("page", context: TemplateObject([String: TemplateValue]()))
        #expect(output.count == TemplateRenderer.maxPartials)
    }

    @Test func aTreeRendersThroughAPartialThatIncludesItself() throws {
        let library = try library(["page": "{{#tree}}{{> node}}{{/tree}}", "node": "<{{name}}{{#children}}{{> node}}{{/children}}>"])
        let leaf = TemplateObject(["name": .string("昆山市"), "children": .list([])])
        let middle = TemplateObject(["name": .string("苏州市"), "children": .list([.object(leaf)])])
        let top = TemplateObject(["name": .string("江苏省"), "children": .list([.object(middle)])])
        #expect(library.render("page", context: TemplateObject(["tree": .list([.object(top)])])) == "<江苏省<苏州市<昆山市>>>")
    }

    @Test func aPartialThatIncludesItselfEndsAndIsFound() throws {
        let library = try library(["page": "<{{> loop}}>", "loop": "x{{> other}}", "other": "y{{> loop}}"])
        let output = library.render("page", context: TemplateObject([String: TemplateValue]()))
        #expect(output.hasPrefix("<xyxy") && output.hasSuffix(">"))
        #expect(output.count == 2 + TemplateRenderer.maxDepth)
        #expect(library.partialCycles() == [["loop", "other", "loop"]])
    }

    @Test(arguments: [
        ("<h1>{{title}}</h1>\n{{#reports}}\n<p>{{title}}</p>\n", 2, 1, "section `{{#reports}}` is not closed: add `{{/reports}}`"),
        ("{{#a}}\n{{/b}}", 2, 1, "`{{/b}}` closes a section that is not open: the open one is `a`"),
        ("line\n  {{title", 2, 3, "a tag is not finished"),
        ("{{! never closed", 1, 1, "a comment is not closed"),
        ("x {{upper(title)}}", 1, 3, "transforms such as `{{f(x)}}` are not supported"),
        ("{{<parent}}{{/parent}}", 1, 1, "template inheritance"),
        ("{{标题}}", 1, 1, "a tag is not finished"),
        // Found by FuzzTemplate: lines end at \n, also after \r (Windows line ends).
        ("\u{FE}report\r\r\r\r\n<l{{li", 2, 3, "a tag is not finished"),
    ])
    func aBrokenTemplateSaysWhatAndWhere(text: String, line: Int, column: Int, message: String) {
        #expect {
            _ = try Template(text)
        } throws: { error in
            guard let error = error as? TemplateError else { return false }
            return error.line == line && error.column == column && error.message.contains(message)
        }
    }
}
