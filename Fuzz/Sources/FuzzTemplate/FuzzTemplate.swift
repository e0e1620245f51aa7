import Foundation
import Templates

/// Template text in, as `policykb build` reads templates/: `Template` parses it or throws a
/// `TemplateError` with a line and column inside the text; a parsed template renders (as a page and
/// as its own partial, so loops are met and found) with values of every kind. Never a crash, never a hang.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzTemplate(_ start: UnsafePointer<UInt8>?, _ count: Int) -> CInt {
    let data = start.map { Data(bytes: $0, count: count) } ?? Data()
    let text = String(decoding: data, as: UTF8.self)
    let template: Template
    do {
        template = try Template(text)
    } catch {
        // Lines end at every \n byte (a \r\n is one Character, so count bytes, not Characters).
        let lines = text.utf8.filter { $0 == 0x0A }.count + 1
        if error.line < 1 || error.line > lines || error.column < 1 { fatalError("error outside the text: \(error)") }
        return 0
    }
    var library = TemplateLibrary()
    library.register(template, named: "page")
    for name in template.partialNames { library.register(template, named: name) }
    // The site refuses templates whose partials include each other (TemplateSet); with a partial
    // named twice such a loop renders 2^depth times, so it is only checked to be found.
    if !library.partialCycles().isEmpty { return 0 }
    let item = TemplateObject(["title": .string("<标题>"), "href": .string("a/"), "n": .int(3)], memoizable: true)
    let context = TemplateObject([
        "title": .string("县域 & \"经济\""), "yes": .bool(true), "no": .bool(false), "count": .int(0),
        "items": .list([.object(item), .object(item), .string("x")]), "empty": .list([]),
        "nested": .object(TemplateObject(["a": .object(TemplateObject(["b": .string("c")]))])),
        "html": .html(Array("<em>".utf8)),
    ])
    let output = library.render("page", context: context)
    if output.utf8.count > 64 * 1024 * 1024 { fatalError("runaway output") }
    return 0
}
