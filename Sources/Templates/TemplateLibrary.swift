/// Named templates that render each other as partials (`{{> partials/report-item}}`).
public struct TemplateLibrary: Sendable {
    public private(set) var templates: [String: Template] = [:]

    public init() {}

    public mutating func register(_ template: Template, named name: String) {
        templates[name] = template
    }

    public func template(named name: String) -> Template? {
        templates[name]
    }

    /// Partials that include themselves, directly or through others (`a` → `b` → `a`): each
    /// cycle once, as the names along it. Such a partial is how a tree is rendered (a region and
    /// the regions under it) and ends with the data; one that never ends stops at
    /// `TemplateRenderer.maxDepth` or `maxPartials`.
    public func partialCycles() -> [[String]] {
        var cycles: [[String]] = []
        var done: Set<String> = []
        func visit(_ name: String, _ path: [String]) {
            if let start = path.firstIndex(of: name) {
                let cycle = Array(path[start...])
                if !cycles.contains(where: { Set($0) == Set(cycle) }) { cycles.append(cycle + [name]) }
                return
            }
            guard !done.contains(name), let template = templates[name] else { return }
            for partial in template.partialNames { visit(partial, path + [name]) }
            done.insert(name)
        }
        for name in templates.keys.sorted() { visit(name, []) }
        return cycles
    }

    /// Renders the template `name` with `context` at the bottom of the stack; "" when there is
    /// no such template. A missing partial renders as nothing.
    public func render(_ name: String, context: TemplateObject) -> String {
        String(decoding: renderBytes(name, context: context), as: UTF8.self)
    }

    /// The same as UTF-8 bytes, for writing to a file without making a string first.
    public func renderBytes(_ name: String, context: TemplateObject) -> [UInt8] {
        guard let template = templates[name] else { return [] }
        var renderer = TemplateRenderer(library: self, context: .object(context))
        renderer.render(template.nodes, indentation: nil)
        return renderer.output
    }
}

/// Renders nodes into bytes, keeping the stack of values sections opened.
struct TemplateRenderer {
    let library: TemplateLibrary
    private(set) var output: [UInt8] = []
    private var stack: [TemplateValue]
    /// The lowest stack frame a name was looked up in since the innermost memoised partial began:
    /// a partial that stayed at or above its own frame depends on nothing else.
    private var lowest = Int.max
    /// Partials being rendered, one inside the other, and rendered so far.
    private var depth = 0
    private var partials = 0
    /// Deeper than this, or after this many in one rendering, a partial renders as nothing, so
    /// that a template including itself without end stops (and soon, however it branches).
    static let maxDepth = 32
    static let maxPartials = 200_000

    init(library: TemplateLibrary, context: TemplateValue) {
        self.library = library
        self.stack = [context]
        output.reserveCapacity(16_384)
    }

    /// Renders nodes; with `indentation` (a standalone partial's), every node that starts output
    /// on a fresh line of this rendering gets it first, as swift-mustache does.
    mutating func render(_ nodes: [Template.Node], indentation: [UInt8]?) {
        let start = output.count
        for node in nodes {
            let before = output.count
            render(node, indentation: indentation)
            if let indentation, !indentation.isEmpty, output.count > before, before > start, output[before - 1] == 0x0A {
                output.insert(contentsOf: indentation, at: before)
            }
        }
    }

    private mutating func render(_ node: Template.Node, indentation: [UInt8]?) {
        switch node {
        case .text(let bytes):
            output.append(contentsOf: bytes)
        case .variable(let path, let escaped):
            guard let value = lookup(path) else { return }
            if case .html(let bytes) = value {
                if escaped {
                    bytes.withUnsafeBufferPointer { Self.appendEscaped($0, to: &output) }
                } else {
                    output.append(contentsOf: bytes)
                }
                return
            }
            var text = value.text
            if escaped {
                text.withUTF8 { Self.appendEscaped($0, to: &output) }
            } else {
                text.withUTF8 { output.append(contentsOf: $0) }
            }
        case .section(let path, let inverted, let body):
            let value = lookup(path)
            if inverted {
                switch value {
                case .list(let items) where items.isEmpty: with(.list([])) { $0.render(body, indentation: indentation) }
                case .bool(false), nil: render(body, indentation: indentation)
                default: break
                }
                return
            }
            switch value {
            case nil, .bool(false): break
            case .bool(true): render(body, indentation: indentation)
            case .list(let items):
                for item in items { with(item) { $0.render(body, indentation: indentation) } }
            case let value?: with(value) { $0.render(body, indentation: indentation) }
            }
        case .partial(let name, let indented):
            guard let template = library.template(named: name), depth < Self.maxDepth, partials < Self.maxPartials else { return }
            partials += 1
            depth += 1
            defer { depth -= 1 }
            var inner = indentation
            if let indented { inner = (indentation ?? []) + indented }
            renderPartial(template, named: name, indentation: inner)
        }
    }

    /// A partial whose current value is a memoisable object is rendered once for that object,
    /// unless it looked up a name outside the object.
    private mutating func renderPartial(_ template: Template, named name: String, indentation: [UInt8]?) {
        let top = stack.count - 1
        guard case .object(let object) = stack[top], object.memoizable else {
            render(template.nodes, indentation: indentation)
            return
        }
        let key = indentation.map { name + "\u{0}" + String(decoding: $0, as: UTF8.self) } ?? name
        if let memo = object.memo(key) {
            output.append(contentsOf: memo)
            lowest = min(lowest, top)
            return
        }
        let saved = lowest
        lowest = Int.max
        let start = output.count
        render(template.nodes, indentation: indentation)
        if lowest >= top { object.remember(key, Array(output[start...])) }
        lowest = min(saved, lowest)
    }

    private mutating func with(_ value: TemplateValue, _ body: (inout TemplateRenderer) -> Void) {
        stack.append(value)
        body(&self)
        stack.removeLast()
    }

    // MARK: - Names

    /// `.` is the current value; `a.b` finds `a` in the nearest value that has it, then `b` in it;
    /// `.a` looks in the current value only.
    private mutating func lookup(_ path: [String]) -> TemplateValue? {
        let top = stack.count - 1
        guard let first = path.first, first != "." else {
            lowest = min(lowest, top)
            return stack[top]
        }
        if first.isEmpty {
            lowest = min(lowest, top)
            return Self.follow(path.dropFirst(), from: stack[top])
        }
        var index = top
        while index >= 0 {
            if case .object(let object) = stack[index], let found = object[first] {
                lowest = min(lowest, index)
                return Self.follow(path.dropFirst(), from: found)
            }
            index -= 1
        }
        lowest = 0
        return nil
    }

    private static func follow(_ path: ArraySlice<String>, from value: TemplateValue) -> TemplateValue? {
        var current = value
        for name in path {
            guard case .object(let object) = current, let next = object[name] else { return nil }
            current = next
        }
        return current
    }

    // MARK: - Escaping

    /// `&`, `<`, `>`, `"` and `'` as entities; everything else as it is.
    static func appendEscaped(_ bytes: UnsafeBufferPointer<UInt8>, to output: inout [UInt8]) {
        var runStart = 0
        for (index, byte) in bytes.enumerated() {
            let entity: StaticString
            switch byte {
            case UInt8(ascii: "&"): entity = "&amp;"
            case UInt8(ascii: "<"): entity = "&lt;"
            case UInt8(ascii: ">"): entity = "&gt;"
            case UInt8(ascii: "\""): entity = "&quot;"
            case UInt8(ascii: "'"): entity = "&#39;"
            default: continue
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
            output.append(contentsOf: UnsafeBufferPointer(start: entity.utf8Start, count: entity.utf8CodeUnitCount))
            runStart = index + 1
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart...]))
    }
}
