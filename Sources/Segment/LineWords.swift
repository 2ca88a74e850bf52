/// The fixed words the segmenter's rules look for in lines, as scalars made once (see
/// `LineText` for why not String literals).
enum LineWords {
    /// 18.把代表联络站建在产业链上　　申报单位：… — a field on a heading line.
    static let declaringUnitLabel = scalars("申报单位：")
    /// 本报讯（记者…）: the line under a news brief's heading.
    static let newsBriefOpening = scalars("本报讯")
    /// ——记…: a subtitle.
    static let subtitleDash = scalars("——")
    static let coreSummary = scalars("核心提示")
    static let contentsSummary = scalars("内容提要")
    static let photosBy = scalars("供图")
    /// 本版图片均为市人大常委会供图.
    static let allPhotosOfPageBy = scalars("本版图片均为")
    static let allPhotosBy = scalars("图片均为")
    static let contributedBy = scalars("供稿")
    /// （本报记者 …）, with a full-width or an ASCII bracket.
    static let reporterBylineWide = scalars("（本报记者")
    static let reporterBylineNarrow = scalars("(本报记者")
    static let appendix = scalars("附件")
    static let editorsNote = scalars("编者按")

    static func scalars(_ word: String) -> [Unicode.Scalar] { Array(word.unicodeScalars) }
}
