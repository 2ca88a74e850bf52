import JianbaoCore

/// The approximation words a count states (before, inner, after, a 至少 scope), as `resolve`
/// asks about them: which was stated first, and whether a given one was stated at all.
///
/// A value of two bytes, not an `[Approximation]`: the list was allocated for every count
/// that stated one, and made the count's parts a reference-counted value that was copied
/// and released at every number.
struct StatedApproximations {
    /// The first one stated, nil while there is none.
    private(set) var first: Approximation?
    /// A bit per `Approximation` case stated.
    private var stated: UInt8 = 0

    var isEmpty: Bool { first == nil }

    mutating func append(_ approximation: Approximation) {
        if first == nil { first = approximation }
        stated |= Self.bit(approximation)
    }

    func contains(_ approximation: Approximation) -> Bool {
        stated & Self.bit(approximation) != 0
    }

    @inline(__always)
    private static func bit(_ approximation: Approximation) -> UInt8 {
        switch approximation {
        case .exact: 1
        case .over: 2
        case .under: 4
        case .about: 8
        case .range: 16
        }
    }
}
