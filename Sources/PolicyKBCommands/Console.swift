import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a command talks to the person running it: progress bars and colour on a terminal,
/// plain lines otherwise (CI, pipes), nothing but problems with `--quiet`.
struct Console: Sendable {
    var quiet: Bool
    var verbose: Bool
    /// Standard output is a terminal: progress bars may redraw a line.
    var interactive: Bool
    /// Standard error is a terminal and NO_COLOR is unset: diagnostics may be coloured.
    var colour: Bool

    init(quiet: Bool, verbose: Bool) {
        self.quiet = quiet
        self.verbose = verbose
        interactive = isatty(STDOUT_FILENO) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
        colour = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    init(_ options: SiteOptions) {
        self.init(quiet: options.quiet, verbose: options.verbose)
    }

    /// A line of ordinary output, written at once (standard output may be a pipe).
    func say(_ line: String) {
        guard !quiet else { return }
        write(line + "\n", to: FileHandle.standardOutput)
    }

    /// A problem, on standard error; `error:` red and `warning:` yellow on a terminal. A progress
    /// bar left on the terminal (a failed step prints no line of its own) is cleared first, so the
    /// problem starts its own line.
    func problem(_ text: String) {
        if interactive && !quiet { write("\u{1B}[2K\r", to: FileHandle.standardOutput) }
        write((colour ? Self.coloured(text) : text) + "\n", to: FileHandle.standardError)
    }

    /// One finished step of a build, e.g. `[3/7] render pages (42) 18 ms`: printed as a line with
    /// its time. On a terminal a bar below it shows how far the build has come, redrawn after each
    /// step and cleared at the end; elsewhere there is no bar.
    func step(_ line: String) {
        guard !quiet else { return }
        guard interactive, let (done, total) = Self.stepNumbers(line) else {
            say(line)
            return
        }
        var text = "\u{1B}[2K\r" + line + "\n"
        if done < total {
            let width = 24
            let filled = done * width / max(total, 1)
            text += String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + " \(done)/\(total)"
        }
        write(text, to: FileHandle.standardOutput)
    }

    /// How far a long run has come: on a terminal a bar redrawn in place (`█████░░░ 120/480 raw
    /// files`), each time it moves by a step, and cleared when `done == total`; nothing elsewhere.
    func progress(_ done: Int, of total: Int, _ what: String) {
        guard !quiet, interactive, total > 0 else { return }
        let width = 24
        let filled = done * width / total
        guard done == total || done == 1 || filled != (done - 1) * width / total || done % 100 == 0 else { return }
        if done >= total {
            write("\u{1B}[2K\r", to: FileHandle.standardOutput)
            return
        }
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        write("\u{1B}[2K\r\(bar) \(done)/\(total) \(what)", to: FileHandle.standardOutput)
    }

    // MARK: - Helpers

    static func stepNumbers(_ line: String) -> (Int, Int)? {
        guard line.hasPrefix("["), let close = line.firstIndex(of: "]") else { return nil }
        let parts = line[line.index(after: line.startIndex)..<close].split(separator: "/")
        guard parts.count == 2, let done = Int(parts[0]), let total = Int(parts[1]) else { return nil }
        return (done, total)
    }

    static func coloured(_ text: String) -> String {
        text.replacingOccurrences(of: " error: ", with: " \u{1B}[1;31merror:\u{1B}[0m ")
            .replacingOccurrences(of: " warning: ", with: " \u{1B}[1;33mwarning:\u{1B}[0m ")
    }

    private func write(_ text: String, to handle: FileHandle) {
        handle.write(Data(text.utf8))
    }
}
