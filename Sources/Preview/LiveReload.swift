import Content
import Foundation

/// The live-reload script, added to HTML responses only (never to the files in public/).
/// It polls the build version and reloads the page when a rebuild finished.
enum LiveReload {
    static let versionPath = "/__policykb/version"

    static func script(version: Int) -> String {
        """
        <script>(function(){var v=\(version);setInterval(function(){fetch("\(versionPath)",{cache:"no-store"})\
        .then(function(r){return r.text()}).then(function(t){if(t.trim()!==String(v)){location.reload()}})\
        .catch(function(){})},500)})();</script>
        """
    }

    /// Puts the script just before `</body>`, or at the end when there is none.
    static func inject(into html: String, version: Int) -> String {
        let tag = script(version: version)
        guard let range = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) else { return html + tag }
        return html.replacingCharacters(in: range.lowerBound..<range.lowerBound, with: tag)
    }

    /// The page shown instead of every HTML page while the build is failing.
    static func errorPage(_ diagnostics: String, version: Int) -> String {
        """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>policykb: build failed</title>
        <style>body{font:15px/1.5 system-ui,sans-serif;margin:2rem;background:#fff5f5;color:#222}
        h1{color:#b00020;font-size:1.3rem}pre{background:#fff;border:1px solid #e0b4b4;padding:1rem;white-space:pre-wrap}</style>
        </head><body><h1>policykb: the build failed</h1>
        <p>Fix the problems below and save: this page reloads when the site builds again.</p>
        <pre id="policykb-build-error">\(escape(diagnostics))</pre>
        \(script(version: version))</body></html>
        """
    }

    static func escape(_ text: String) -> String {
        Escape.markup(text)
    }
}
