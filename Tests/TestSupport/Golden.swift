import Foundation

/// Golden files: compares output with `Fixtures/NAME.golden/FILE`, or records it when the
/// environment has `JIANBAO_RECORD_GOLDEN=1` (`make golden`).
public enum Golden {
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["JIANBAO_RECORD_GOLDEN"] == "1" }

    /// Nil when `actual` matches the golden file (or was recorded); otherwise a line diff.
    public static func compare(_ actual: String, fixture: String, file: String) -> String? {
        let url = Paths.golden(fixture).appendingPathComponent(file)
        if isRecording {
            try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return nil
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            return "\(url.path) is missing: run `make golden` to record it"
        }
        guard expected != actual else { return nil }
        return lineDiff(expected, actual, name: "\(fixture).golden/\(file)")
    }

    /// The first differing lines, enough to see what changed without flooding the log.
    static func lineDiff(_ expected: String, _ actual: String, name: String) -> String {
        let old = expected.components(separatedBy: "\n")
        let new = actual.components(separatedBy: "\n")
        var out = ["\(name) differs (\(old.count) → \(new.count) lines); `make golden` re-records after a deliberate change:"]
        var shown = 0
        for index in 0..<max(old.count, new.count) where shown < 8 {
            let a = index < old.count ? old[index] : "<none>"
            let b = index < new.count ? new[index] : "<none>"
            if a != b {
                out.append("  line \(index + 1):\n  - \(a.prefix(300))\n  + \(b.prefix(300))")
                shown += 1
            }
        }
        return out.joined(separator: "\n")
    }
}
