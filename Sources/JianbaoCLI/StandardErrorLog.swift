import Foundation
import Logging
import Pipeline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Standard error, shared by the log lines and the progress bar: a log line first clears the
/// bar, then the bar is drawn again below it, so the two never garble each other.
final class StandardError: @unchecked Sendable {
    static let shared = StandardError()

    /// True when standard error is a terminal (not cron mail, not a pipe or a file).
    let isTerminal: Bool = isatty(STDERR_FILENO) != 0 && ProcessInfo.processInfo.environment["TERM"] != "dumb"

    private let lock = NSLock()
    private var bar: String?

    /// One line, above the progress bar if one is showing.
    func line(_ text: String) {
        lock.lock()
        defer { lock.unlock() }
        var out = bar == nil ? "" : "\r\u{1B}[K"
        out += text + "\n"
        if let bar { out += bar }
        FileHandle.standardError.write(Data(out.utf8))
    }

    /// Replaces the progress bar (nil removes it).
    func showBar(_ text: String?) {
        lock.lock()
        defer { lock.unlock() }
        guard text != bar else { return }
        FileHandle.standardError.write(Data(("\r\u{1B}[K" + (text ?? "")).utf8))
        bar = text
    }
}

/// swift-log's handler for jianbao: one plain line per message on standard error,
/// `jianbao: converted sub/report.txt`, readable in cron mail; no timestamps (cron adds none,
/// and a terminal user watches it happen).
struct StandardErrorLogHandler: LogHandler {
    var logLevel: Logger.Level
    var metadata: Logger.Metadata = [:]
    var metadataProvider: Logger.MetadataProvider?

    init(level: Logger.Level) {
        logLevel = level
    }

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        let prefix = event.level >= .error ? "jianbao: error: " : "jianbao: "
        StandardError.shared.line(prefix + event.message.description)
    }
}

/// The progress bar drawn on a terminal while a batch runs, at most ten times a second:
/// `[██████░░░░░░░░░░]  812/2000  800 converted · 10 unchanged · 2 failed`.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private var lastDrawn = Date.distantPast

    func update(_ progress: BatchProgress) {
        lock.lock()
        let now = Date()
        let due = progress.done == progress.total || now.timeIntervalSince(lastDrawn) >= 0.1
        if due { lastDrawn = now }
        lock.unlock()
        if due { StandardError.shared.showBar(Self.render(progress)) }
    }

    func finish() {
        StandardError.shared.showBar(nil)
    }

    static func render(_ progress: BatchProgress, width: Int = 24) -> String {
        let filled = progress.total == 0 ? width : width * progress.done / progress.total
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        var text = "[\(bar)] \(progress.done)/\(progress.total)  \(progress.converted) converted · \(progress.unchanged) unchanged"
        if progress.failed > 0 { text += " · \(progress.failed) failed" }
        return text
    }
}
