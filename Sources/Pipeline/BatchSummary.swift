/// What a batch run did, for the summary at its end and the exit status.
public struct BatchSummary: Equatable, Sendable {
    public var converted: [String] = []
    public var unchanged: [String] = []
    public var failed: [ConversionError] = []
    /// Inputs recorded by an earlier run that are gone now: their outputs were kept (no `--prune`)…
    public var gone: [String] = []
    /// …or removed (`--prune`).
    public var pruned: [String] = []
    /// Links that lead out of INPUT_DIR and were not followed.
    public var linksOut: [String] = []

    public init() {}

    /// 0 when every input converted (or was unchanged), 1 when some failed.
    public var exitStatus: Int32 { failed.isEmpty ? 0 : 1 }

    /// `3 converted, 120 unchanged, 1 failed`, then one line per failure and per note.
    public var text: String {
        var head = "\(converted.count) converted, \(unchanged.count) unchanged, \(failed.count) failed"
        if !pruned.isEmpty { head += ", \(pruned.count) pruned" }
        if !gone.isEmpty { head += ", \(gone.count) gone (outputs kept; --prune removes them)" }
        var lines = [head]
        lines += failed.map { "  failed: \($0)" }
        lines += linksOut.map { "  not followed (links out of the input folder): \($0)" }
        return lines.joined(separator: "\n")
    }
}

/// How far a batch run is, reported after each input (for a progress bar).
public struct BatchProgress: Sendable {
    public var total: Int
    public var converted = 0
    public var unchanged = 0
    public var failed = 0

    public var done: Int { converted + unchanged + failed }
}
