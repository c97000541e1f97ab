/// The share of one material class a renovation replaces ("80 % of the glass").
public struct ReplacementShare: Sendable, Hashable {
    public var materialClass: MaterialClass
    public var share: Quantity

    public init(materialClass: MaterialClass, share: Quantity) {
        self.materialClass = materialClass
        self.share = share
    }

    /// The share as a fraction between 0 and 1.
    public var fraction: Double { share.value(in: .fraction) ?? 0 }
}
