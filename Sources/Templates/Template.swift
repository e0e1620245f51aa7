/// A parsed Mustache template: text, variables, sections, inverted sections and partials.
///
/// The dialect is the one swift-mustache (which policykb used before) renders, tag for tag and
/// byte for byte, so existing templates keep their output: standalone tags take their whole
/// line, a standalone partial is indented like its tag, `{{{x}}}` and `{{&x}}` print unescaped,
/// `{{=<% %>=}}` changes the delimiters. Lambdas, transforms (`{{f(x)}}`), template inheritance
/// and pragmas are not supported and are reported as errors.
public struct Template: Sendable {
    indirect enum Node: Sendable {
        case text([UInt8])
        case variable(path: [String], escaped: Bool)
        case section(path: [String], inverted: Bool, body: [Node])
        /// `indentation` is set when the tag stands alone on its line.
        case partial(name: String, indentation: [UInt8]?)
    }

    let nodes: [Node]

    /// Parses `text`; errors carry the line and column (from 1) of the tag at fault.
    public init(_ text: String) throws(TemplateError) {
        var parser = TemplateParser(Array(text.utf8))
        nodes = try parser.parseAll()
    }

    /// Every partial the template names, for checking that they exist.
    public var partialNames: [String] {
        var names: [String] = []
        func visit(_ nodes: [Node]) {
            for node in nodes {
                switch node {
                case .partial(let name, _): if !names.contains(name) { names.append(name) }
                case .section(_, _, let body): visit(body)
                default: break
                }
            }
        }
        visit(nodes)
        return names
    }
}

/// What is wrong with a template, and where.
public struct TemplateError: Error, Equatable, Sendable {
    public var message: String
    public var line: Int
    public var column: Int
}
