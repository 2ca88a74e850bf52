import Normalize

/// One pass over every scalar of the working text for what the unit rules look for at every
/// position: the quoted stretches, the places the census counts, the organisations named in
/// running text, the scalars that can start a role rule (由 and 责 for `responsible`, 本
/// for `reporters`), and the 区 that ends a list of bare levels (`districtLevelLists`).
///
/// Each was a pass of its own; on a 17-million-scalar document every pass costs a load and a
/// test per scalar. Read together, nearly every scalar is sent on by two bit tests (it marks
/// nothing, and its pair with the next starts nothing), and the rules then visit only what was
/// found.
struct UnitSweep {
    /// A place named in the text: its working index and its `lexicon.places` entry.
    struct PlaceMention {
        var index: Int32
        var entry: Int32
    }

    let quoted: QuotedText
    let placeMentions: [PlaceMention]
    /// The organisations named outside quotes, in text order (`OrganisationScanner.scan` over
    /// the whole text), packed: a long document names hundreds of thousands.
    let organisations: [OrganisationScanner.PackedMatch]
    /// Positions of 由 and 责.
    let responsibleAnchors: [Int]
    /// Positions of 本.
    let reporterAnchors: [Int]
    /// Positions of a 区 after 、 and a listed level (市、区), the text's last scalar excepted.
    let listedDistricts: [Int]

    init(_ scalars: [Unicode.Scalar], lexicon: UnitLexicon, scanner: OrganisationScanner) {
        // Filled in locals and stored at the end: the loop's closure then captures no `self`.
        var quoted = QuotedText(count: scalars.count)
        var placeMentions: [PlaceMention] = []
        var organisations: [OrganisationScanner.PackedMatch] = []
        var responsibleAnchors: [Int] = []
        var reporterAnchors: [Int] = []
        var listedDistricts: [Int] = []
        let places = lexicon.places
        let placePairs = places.startPairs
        // Holds `placePairs` too (`OrganisationScanner.matchStarts`): a position it refuses starts
        // neither a place nor an organisation, and nearly every position is refused.
        let organisationPairs = scanner.matchStarts
        // Of the positions it allows, those whose third scalar continues no word are refused too.
        let organisationTriples = scanner.matchTriples
        let marks = Self.marks
        var depth = QuotedText.Depth()
        // Quoted positions are marked a stretch at a time, when the depth falls back to 0, so a
        // scalar that is no mark costs nothing here.
        var quotedFrom = 0
        // Neither places nor organisations overlap: after one, the next is looked for where it ends.
        var nextPlace = 0
        var nextOrganisation = 0
        // Only the positions that are a mark or may start a word are visited; the quotation depth
        // changes only at marks, so it is right at every position visited.
        var candidates = SweepCandidates(marks: Self.markBits, starts: organisationPairs)
        scalars.withUnsafeBufferPointer { buffer in
            let count = buffer.count
            var blockStart = 0
            while blockStart < count {
                let blockEnd = min(blockStart + SweepCandidates.blockSize, count)
                let found = candidates.gather(in: blockStart..<blockEnd, of: buffer)
                blockStart = blockEnd
                for candidate in 0..<found {
                    let gathered = candidates[candidate]
                    let index = gathered.index
                    let scalar = buffer[index]
                    var isQuoted = depth.value > 0
                    // The gathered mark bit is exact in the BMP; beyond it the set is asked.
                    if gathered.mayBeMark, scalar.value < 0x10000 || marks.contains(scalar) {
                        let before = depth.value
                        isQuoted = depth.read(scalar)
                        if before == 0, depth.value > 0 {
                            quotedFrom = index  // an opening mark
                        } else if before > 0, depth.value == 0 {
                            quoted.mark(quotedFrom..<(isQuoted ? index + 1 : index))  // the last closing mark, or a line feed
                        } else if before == 0, isQuoted {
                            quoted.mark(index..<(index + 1))  // a stray closing mark
                        }
                        switch scalar {
                        case "由", "责": responsibleAnchors.append(index)
                        case "本": reporterAnchors.append(index)
                        case "区":
                            if index >= 2, index < count - 1, buffer[index - 1] == "、", UnitRules.isListedLevel(buffer[index - 2]) {
                                listedDistricts.append(index)
                            }
                        default: break
                        }
                    }
                    guard gathered.pairAllowed || (gathered.asksFilter && organisationPairs.allows(buffer, at: index, limit: count)),
                        organisationTriples.allows(buffer, at: index, limit: count)
                    else { continue }
                    let wantsPlace = index >= nextPlace
                    let wantsOrganisation = index >= nextOrganisation && !isQuoted
                    guard wantsPlace || wantsOrganisation else { continue }
                    // Looked up once for both: the census counts it, and the scanner starts from it.
                    let place = placePairs.allows(buffer, at: index, limit: count) ? places.longestEntry(in: buffer, at: index, limit: count) : nil
                    if wantsPlace, let place {
                        placeMentions.append(PlaceMention(index: Int32(truncatingIfNeeded: index), entry: place.entry))
                        nextPlace = index + place.length
                    }
                    if wantsOrganisation, let match = scanner.packedMatch(buffer, at: index, limit: count, firstPlace: .some(place)),
                        !Self.endsQuoted(match.range, buffer, after: depth, marks: marks)
                    {
                        organisations.append(match)
                        nextOrganisation = Int(match.end)
                    }
                }
            }
        }
        if depth.value > 0 { quoted.mark(quotedFrom..<scalars.count) }
        self.quoted = quoted
        self.placeMentions = placeMentions
        self.organisations = organisations
        self.responsibleAnchors = responsibleAnchors
        self.reporterAnchors = reporterAnchors
        self.listedDistricts = listedDistricts
    }

    /// Whether the last scalar of `range` is quoted, `depth` being the quotation after its first
    /// scalar, which is not quoted. (The lexicons' words hold no quotation mark, so the answer is
    /// the first scalar's; it is worked out rather than assumed.)
    private static func endsQuoted(
        _ range: Range<Int>, _ scalars: UnsafeBufferPointer<Unicode.Scalar>, after depth: QuotedText.Depth, marks: ScalarSet
    ) -> Bool {
        var depth = depth
        var quoted = false
        for index in (range.lowerBound + 1)..<range.upperBound {
            let scalar = scalars[index]
            quoted = marks.contains(scalar) ? depth.read(scalar) : depth.value > 0
        }
        return quoted
    }

    private static let markScalars = "《“‘「》”’」\n由责本区".unicodeScalars
    private static let marks = ScalarSet(markScalars)
    private static let markBits = SweepCandidates.markBits(markScalars)
}
