import Foundation
import JianbaoCore
import Normalize

/// Working text to the item tree a reader sees (SPEC, "Items").
///
/// One pass over the lines. Numbered markers nest by the order in which the document first
/// uses each style (a stack: a style already open closes everything below it); unnumbered
/// headings — plans, articles, speeches, news briefs — are recognised by what follows them
/// (a plan title, a speaker line, 本报讯, a subtitle) and become roots the markers nest under.
public struct Segmenter: Sendable {
    public init() {}

    public func segment(_ text: WorkingText) -> Segmentation {
        var run = SegmenterRun(text: text)
        run.run()
        return run.result()
    }
}

struct SegmenterRun {
    let text: WorkingText
    let line: LineText
    let fieldLabelTable = HeadingStyles.fieldLabelTable
    /// Non-blank trimmed lines, with whether a blank line precedes each.
    var lines: [(range: Range<Int>, blankBefore: Bool)] = []

    var roots: [ItemNode] = []
    var stack: [ItemNode] = []
    var root: ItemNode?
    var closedByByline = false
    var inFooter = false
    var mastheadLines: [Range<Int>] = []
    var subtitleLines: [Range<Int>] = []
    var documentFields: [Field] = []
    var diagnostics: [Diagnostic] = []
    /// Long paragraphs seen so far, to warn of one printed twice.
    var seenParagraphs: SeenParagraphs
    /// An unnumbered section of the open article (以法治之剑护航“两城”建设).
    var sectionOpen: ItemNode?
    var partHeadings: [(issuer: Range<Int>?, title: Range<Int>)] = []
    var speechCount = 0
    var briefCount = 0
    var pressByline = false

    init(text: WorkingText) {
        self.text = text
        let line = LineText(text: text)
        let workingLines = text.lines()
        var lines: [(range: Range<Int>, blankBefore: Bool)] = []
        lines.reserveCapacity(workingLines.count)
        var previousBlank = true
        var longLines = 0
        for range in workingLines {
            let trimmed = line.trim(range)
            if trimmed.isEmpty {
                previousBlank = true
            } else {
                lines.append((trimmed, previousBlank))
                previousBlank = false
                if trimmed.count >= Self.minimumCheckedParagraph { longLines += 1 }
            }
        }
        self.line = line
        self.lines = lines
        self.seenParagraphs = SeenParagraphs(expected: longLines)
    }

    var anyItems: Bool { !roots.isEmpty }

    mutating func run() {
        var index = 0
        while index < lines.count {
            index = step(index)
        }
    }

    /// Handles the line at `index` and returns the index of the next line to read.
    mutating func step(_ index: Int) -> Int {
        let current = lines[index].range
        let next = index + 1 < lines.count ? lines[index + 1].range : nil

        if inFooter {
            footerLine(current)
            return index + 1
        }
        if let labelled = fieldLabel(current) {
            return labelledLine(current, label: labelled.label, role: labelled.role, value: labelled.value, index: index)
        }
        if isContributorByline(current) {
            // (漯河市人大常委会代表工委供稿): the field's value and span are the organisation alone.
            let organisation = line.trim((current.lowerBound + 1)..<(current.upperBound - 3))
            let field = Field(name: "供稿", value: line.string(organisation), span: text.sourceSpan(organisation))
            if let owner = root {
                owner.fields.append(field)
            } else {
                // A bulletin of one article has no article item: the credit is the document's.
                documentFields.append(field)
            }
            extend(to: current.upperBound)
            closeRoot()
            return index + 1
        }
        if isReporterByline(current) {
            extend(to: current.upperBound)
            pressByline = true
            closeRoot()
            return index + 1
        }
        if line.starts(current, with: "|") {
            return table(from: index)
        }
        if let marker = HeadingMarker.read(text.scalars, current) {
            if marker.style == .star {
                return contentsEntry(from: index, marker: marker)
            }
            // 一是加强顶层设计；二是… — a clause opening a line is still running text.
            if marker.style == .hanShi {
                body(current, index: index)
                return index + 1
            }
            return numbered(at: index, marker: marker)
        }
        if line.isHeadingLike(current), let consumed = unnumberedHeading(at: index, next: next) {
            return consumed
        }
        body(current, index: index)
        return index + 1
    }

    // MARK: - Lines of each kind

    mutating func footerLine(_ range: Range<Int>) {
        if let labelled = fieldLabel(range) {
            documentFields.append(Field(name: labelled.label, value: line.string(labelled.value), span: text.sourceSpan(labelled.value)))
        }
    }

    mutating func labelledLine(_ range: Range<Int>, label: String, role: FieldLabelRole, value: Range<Int>, index: Int) -> Int {
        switch role {
        case .footer:
            closeAll()
            inFooter = true
            footerLine(range)
        case .itemField, .itemSummary:
            if let owner = stack.last ?? root {
                owner.fields.append(Field(name: label, value: line.string(value), span: text.sourceSpan(value)))
                extend(to: range.upperBound)
                if role == .itemSummary { clauses(in: value, owner: owner) }
            }
        case .note:
            // 备注：, 附件： — notes about the document, not items.
            break
        }
        return index + 1
    }

    /// A heading with a marker; returns the index of the next line to read.
    mutating func numbered(at index: Int, marker: HeadingMarker) -> Int {
        let range = lines[index].range
        let kind = HeadingStyles.kind(of: marker.style)
        var titleEnd = range.upperBound
        if let stop = line.firstIndex(of: "。", in: marker.textStart..<range.upperBound) {
            titleEnd = stop
        }
        // 18.把代表联络站建在产业链上　　申报单位：… — a field on the heading line.
        var inlineField: (Int, Range<Int>)?
        if let at = line.find(LineWords.declaringUnitLabel, in: marker.textStart..<titleEnd) {
            inlineField = (at, (at + 5)..<range.upperBound)
            titleEnd = at
        }
        let titleLine = line.trim(marker.textStart..<titleEnd)
        var end = range.upperBound
        // A heading that fills its line may go on in the next (HeadingContinuation.swift).
        let isWholeLine = titleEnd == range.upperBound && inlineField == nil
        let continuation = isWholeLine ? headingContinuation(of: titleLine, at: index) : nil
        let title: String
        if let continuation {
            title = line.joined([titleLine, lines[continuation].range])
            end = lines[continuation].range.upperBound
        } else {
            // Nearly every heading: one line, no array of its parts.
            title = line.joined(titleLine)
        }
        let written = marker.written(in: text.scalars)
        let node = ItemNode(
            kind: kind, style: marker.style, label: marker.label(in: text.scalars, written: written), marker: written,
            title: title, start: range.lowerBound, end: end)
        place(node)
        if let (_, value) = inlineField {
            let trimmed = line.trim(value)
            node.fields.append(Field(name: "申报单位", value: line.string(trimmed), span: text.sourceSpan(trimmed)))
        }
        extend(to: end)
        closedByByline = false
        if titleEnd < range.upperBound {
            clauses(in: titleEnd..<range.upperBound, owner: node)
        }
        duplicateCheck(range)
        return (continuation ?? index) + 1
    }

    /// Puts a numbered node in the tree: a style already open closes everything down to it.
    mutating func place(_ node: ItemNode) {
        if let at = stack.lastIndex(where: { $0.style == node.style }) {
            // One at a time: `removeLast(_:)` goes through the general replaceSubrange.
            while stack.count > at { stack.removeLast() }
        }
        if let parent = stack.last ?? root {
            parent.children.append(node)
        } else {
            roots.append(node)
        }
        stack.append(node)
    }

    mutating func contentsEntry(from index: Int, marker: HeadingMarker) -> Int {
        var parts = [marker.textStart..<lines[index].range.upperBound]
        var last = lines[index].range
        var cursor = index + 1
        // A bullet broken over lines goes on in the very next line (no blank between).
        while cursor < lines.count, !lines[cursor].blankBefore,
            HeadingMarker.read(text.scalars, lines[cursor].range) == nil, line.isHeadingLike(lines[cursor].range)
        {
            parts.append(lines[cursor].range)
            last = lines[cursor].range
            cursor += 1
        }
        let node = ItemNode(
            kind: "contents", style: .star, label: nil, marker: "*", title: line.joined(parts),
            start: lines[index].range.lowerBound, end: last.upperBound)
        roots.append(node)
        return cursor
    }

    /// Recognises an unnumbered heading by what follows it; nil when the line is body text.
    mutating func unnumberedHeading(at index: Int, next: Range<Int>?) -> Int? {
        let current = lines[index].range
        // A table's caption.
        if let next, line.starts(next, with: "|") { return index + 1 }

        // 濮阳县人民代表大会常务委员会 / 2023 年度工作要点 — one plan of several.
        if isIssuerName(current), let next, isPlanTitle(next) {
            openRoot(kind: "part", title: line.string(next), start: current.lowerBound, end: next.upperBound)
            partHeadings.append((current, next))
            return index + 2
        }
        if let split = planTitleAfterIssuer(current) {
            openRoot(kind: "part", title: line.string(split.title), start: current.lowerBound, end: current.upperBound)
            partHeadings.append((split.issuer, split.title))
            return index + 1
        }
        // A speech: title, then "organisation + position + name".
        if let next, SpeakerLine.matches(line, next) {
            let node = openRoot(kind: "speech", title: line.string(current), start: current.lowerBound, end: next.upperBound)
            node.fields.append(Field(name: "发言人", value: line.string(next), span: text.sourceSpan(next)))
            speechCount += 1
            return index + 2
        }
        // A news brief: 宝丰：… then 本报讯（记者…）.
        if let next, line.starts(next, with: LineWords.newsBriefOpening) {
            openRoot(kind: "brief", title: line.string(current), start: current.lowerBound, end: current.upperBound)
            briefCount += 1
            return index + 1
        }
        if line.equals(current, LineWords.coreSummary) || line.equals(current, LineWords.contentsSummary) {
            openRoot(kind: "lead", title: line.string(current), start: current.lowerBound, end: current.upperBound)
            return index + 1
        }
        // A feature with a subtitle: title, then ——….
        if let next, line.starts(next, with: LineWords.subtitleDash) {
            if !anyItems {
                return nil
            }
            openRoot(kind: "article", title: line.string(current), start: current.lowerBound, end: next.upperBound)
            subtitleLines.append(next)
            return index + 2
        }
        // An article headed "Place：title", possibly broken over two lines.
        if isPlaceHeading(current) && (anyItems || index > 0) && hasBodyAfter(index) {
            var parts = [current]
            var cursor = index + 1
            if cursor < lines.count, line.isHeadingLike(lines[cursor].range), !isPlaceHeading(lines[cursor].range),
                HeadingMarker.read(text.scalars, lines[cursor].range) == nil, hasBodyAfter(cursor)
            {
                parts.append(lines[cursor].range)
                cursor += 1
            }
            openRoot(kind: "article", title: line.joined(parts), start: current.lowerBound, end: parts.last!.upperBound)
            return cursor
        }
        guard anyItems else { return nil }
        // After an article closed by its byline, or after a brief, a heading opens an article.
        if closedByByline || root?.kind == "brief" {
            if hasBodyAfter(index) {
                openRoot(kind: "article", title: line.string(current), start: current.lowerBound, end: current.upperBound)
                return index + 1
            }
            return nil
        }
        // Inside an article, a heading of its own is a section of it.
        if let root, root.kind == "article", stack.isEmpty, hasBodyAfter(index) {
            let node = ItemNode(kind: "section", style: nil, label: nil, marker: "", title: line.string(current), start: current.lowerBound, end: current.upperBound)
            root.children.append(node)
            extend(to: current.upperBound)
            sectionOpen = node
            return index + 1
        }
        return nil
    }

    mutating func body(_ range: Range<Int>, index: Int) {
        if !anyItems {
            // 积极推进立法工作。一是加强顶层设计。二是… — clauses before any heading stand at the top.
            clauses(in: range, owner: nil)
            if !anyItems { mastheadLines.append(range) }
            return
        }
        if closedByByline && root == nil && pressByline && !line.isCaption(range) {
            // Text after a byline with no heading of its own: an article whose heading was lost.
            openRoot(kind: "article", title: "", start: range.lowerBound, end: range.upperBound)
        }
        if line.isCaption(range) && line.find(LineWords.photosBy, in: range) != nil, let owner = sectionOpen ?? stack.last ?? root {
            // 本版图片均为市人大常委会供图: the organisation between 为 and the 供图 after it (a
            // caption may mention 供图 earlier too, so search only after 为).
            if let at = line.find(LineWords.allPhotosOfPageBy, in: range) ?? line.find(LineWords.allPhotosBy, in: range),
                let marker = line.firstIndex(of: "为", in: at..<range.upperBound),
                let to = line.find(LineWords.photosBy, in: (marker + 1)..<range.upperBound), to > marker + 1
            {
                let from = marker + 1
                owner.fields.append(Field(name: "供图", value: line.string(from..<to), span: text.sourceSpan(from..<to)))
            }
        }
        extend(to: range.upperBound)
        if let owner = stack.last ?? sectionOpen ?? root {
            clauses(in: range, owner: owner)
        }
        duplicateCheck(range)
        if line.ends(range, with: "）"),
            let open = line.find(LineWords.reporterBylineWide, in: range) ?? line.find(LineWords.reporterBylineNarrow, in: range),
            open > range.lowerBound
        {
            pressByline = true
            closeRoot()
        }
    }

    // MARK: - Tree bookkeeping

    @discardableResult
    mutating func openRoot(kind: String, title: String, start: Int, end: Int) -> ItemNode {
        closeRoot()
        let node = ItemNode(kind: kind, style: nil, label: nil, marker: "", title: title, start: start, end: end, isRoot: true)
        roots.append(node)
        root = node
        closedByByline = false
        pressByline = false
        return node
    }

    mutating func closeRoot() {
        stack.removeAll()
        root = nil
        sectionOpen = nil
        closedByByline = true
    }

    mutating func closeAll() {
        closeRoot()
        closedByByline = false
    }

    /// Every open item now reaches at least to `offset`.
    mutating func extend(to offset: Int) {
        for node in stack where node.end < offset { node.end = offset }
        if let root, root.end < offset { root.end = offset }
        if let sectionOpen, sectionOpen.end < offset { sectionOpen.end = offset }
    }

    /// Paragraphs at least this long are checked for an earlier copy.
    static let minimumCheckedParagraph = 40

    mutating func duplicateCheck(_ range: Range<Int>) {
        guard range.count >= Self.minimumCheckedParagraph else { return }
        if let first = seenParagraphs.earlierCopy(of: range, in: text.scalars) {
            diagnostics.append(
                Diagnostic(
                    .warning, code: "duplicate-paragraph",
                    message: "this paragraph repeats the one at offset \(text.sourceSpan(first).start); both are kept",
                    span: text.sourceSpan(range)))
        }
    }

    // MARK: - Line tests

    func fieldLabel(_ range: Range<Int>) -> (label: String, role: FieldLabelRole, value: Range<Int>)? {
        guard let first = range.first else { return nil }
        let scalar = text.scalars[first]
        guard fieldLabelTable.mayStart(scalar) else { return nil }
        for index in fieldLabelTable.starts.indices where fieldLabelTable.starts[index] == scalar {
            let written = fieldLabelTable.written[index]
            if line.starts(range, with: written) {
                let form = HeadingStyles.fieldLabelForms[index]
                return (form.label, form.role, line.trim((range.lowerBound + written.count)..<range.upperBound))
            }
        }
        return nil
    }

    func isContributorByline(_ range: Range<Int>) -> Bool {
        guard range.count > 4 else { return false }
        let open = text.scalars[range.lowerBound]
        let close = text.scalars[range.upperBound - 1]
        return (open == "（" || open == "(") && (close == "）" || close == ")")
            && line.ends((range.lowerBound)..<(range.upperBound - 1), with: LineWords.contributedBy)
    }

    func isReporterByline(_ range: Range<Int>) -> Bool {
        (line.starts(range, with: LineWords.reporterBylineWide) || line.starts(range, with: LineWords.reporterBylineNarrow))
            && (line.ends(range, with: "）") || line.ends(range, with: ")"))
    }

    func isIssuerName(_ range: Range<Int>) -> Bool {
        range.count <= 30 && HeadingStyles.issuerSuffixes.contains { line.ends(range, with: $0) }
    }

    func isPlanTitle(_ range: Range<Int>) -> Bool {
        guard range.count <= 30, let first = range.first, HeadingMarker.isASCIIDigit(text.scalars[first]) else { return false }
        return line.contains("年", in: range) && HeadingStyles.planSuffixes.contains { line.ends(range, with: $0) }
    }

    func planTitleAfterIssuer(_ range: Range<Int>) -> (issuer: Range<Int>, title: Range<Int>)? {
        for suffix in HeadingStyles.issuerSuffixes {
            guard let at = line.find(suffix, in: range) else { continue }
            let issuerEnd = at + suffix.count
            let rest = line.trim(issuerEnd..<range.upperBound)
            if !rest.isEmpty && isPlanTitle(rest) { return (range.lowerBound..<issuerEnd, rest) }
        }
        return nil
    }

    /// 漯河市：聚焦… / 郟县：… — a short place name and a colon opening a heading.
    func isPlaceHeading(_ range: Range<Int>) -> Bool {
        guard let colon = line.firstIndex(of: "：", in: range), colon > range.lowerBound, colon - range.lowerBound <= 6 else {
            return false
        }
        return (range.lowerBound..<colon).allSatisfy { LineText.isHan(text.scalars[$0]) } && colon + 1 < range.upperBound
    }

    /// Whether a paragraph of body text (or a marker) follows the heading at `index`, within two lines.
    func hasBodyAfter(_ index: Int) -> Bool {
        for cursor in (index + 1)..<min(lines.count, index + 3) {
            let range = lines[cursor].range
            if HeadingMarker.read(text.scalars, range) != nil { return true }
            if !line.isHeadingLike(range) { return true }
        }
        return false
    }

    // MARK: - Result

    func result() -> Segmentation {
        var diagnostics = self.diagnostics
        let items = ItemNode.items(Self.unwrappingSinglePart(roots), parentPath: [], text: text)
        diagnostics += DeclaredCount.check(items)
        diagnostics += RepeatedItemID.check(items)
        let masthead = MastheadReader(line: line).read(
            lines: mastheadLines, parts: partHeadings, roots: roots, speechCount: speechCount, briefCount: briefCount)
        return Segmentation(masthead: masthead, items: items, documentFields: documentFields, diagnostics: diagnostics)
    }
}
