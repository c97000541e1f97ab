import FleetModel

/// A numeric input of a screening comparison named by a path, so a sweep can vary any of them:
///
/// - `factor:ITEM[:CATEGORY]`: a factor's value (category default: `technical` when the item has a
///   technical coefficient, else climate change), e.g. `factor:data-transmission`, `factor:steel`
/// - `baseline.FIELD`, `scenario.NAME.FIELD`: `life` (years), `service-interval` (years),
///   `unplanned-visits` (count), `kits.KIT` (kits per life, rounded), `collection.interval` (days),
///   `renovation.CLASS` (% of the class replaced by each of the policy's renovations)
/// - `renovation.CLASS`: the same share in every policy's renovations, e.g. `renovation.glass`
/// - `ict.ITEM.FIELD`: `life` (years), `power` (W), `message-size` (B), `message-interval` (min),
///   `server-share` (vCPU), `shared-by` (count)
/// - `ict.scale`: multiplier on the smart case's ICT flows
/// - `compute.cpu-seconds`: Fleetprint's CPU seconds per device-year
/// - `trip.ID.distance` (km)
public struct ParameterPath: Sendable, Hashable, CustomStringConvertible {
    public let text: String

    public init(_ text: String) {
        self.text = text
    }

    public var description: String { text }

    /// The syntax, for `--help`.
    public static let syntax = """
        factor:ITEM[:CATEGORY] | baseline.FIELD | scenario.NAME.FIELD (FIELD: life, service-interval, \
        unplanned-visits, kits.KIT, collection.interval, renovation.CLASS) | renovation.CLASS | \
        ict.ITEM.(life|power|message-size|message-interval|server-share|shared-by) | ict.scale | \
        compute.cpu-seconds | trip.ID.distance
        """

    /// `input` with the parameter set to `value` (in the unit the path's documentation gives).
    public func applying(_ value: Double, to input: ScreeningInput) throws(ParameterError) -> ScreeningInput {
        var input = input
        if text.hasPrefix("factor:") {
            let parts = text.dropFirst("factor:".count).split(separator: ":").map(String.init)
            guard let item = parts.first else { throw ParameterError("expected factor:ITEM[:CATEGORY]") }
            let category = parts.count > 1 ? parts[1] : (input.factors.factor(item, FactorTable.technical) != nil ? FactorTable.technical : FactorTable.climateChange)
            guard var factor = input.factors.factor(item, category) else {
                throw ParameterError("no factor '\(item)' in category '\(category)'; known items: \(input.factors.items.joined(separator: ", "))")
            }
            factor.value = value
            input.factors = input.factors.overriding(with: [factor])
            return input
        }
        let path = text.split(separator: ".").map(String.init)
        switch path.first {
        case "baseline":
            input.profile.baseline = try Self.set(Array(path.dropFirst()), value, on: input.profile.baseline)
        case "scenario":
            guard path.count > 2, let index = input.profile.scenarios.firstIndex(where: { $0.id == path[1] }) else {
                throw ParameterError("expected scenario.NAME.FIELD with NAME one of: \(input.profile.scenarios.map(\.id).joined(separator: ", "))")
            }
            input.profile.scenarios[index] = try Self.set(Array(path.dropFirst(2)), value, on: input.profile.scenarios[index])
        case "renovation":
            input.profile.baseline = try Self.set(path, value, on: input.profile.baseline)
            input.profile.scenarios = try input.profile.scenarios.map { policy throws(ParameterError) in try Self.set(path, value, on: policy) }
        case "ict" where path.count == 2 && path[1] == "scale":
            input.ictScale = value
        case "ict":
            guard path.count == 3, let index = input.profile.ict.firstIndex(where: { $0.id == path[1] }) else {
                throw ParameterError("expected ict.ITEM.FIELD with ITEM one of: \(input.profile.ict.map(\.id).joined(separator: ", "))")
            }
            input.profile.ict[index] = try Self.set(path[2], value, on: input.profile.ict[index])
        case "compute" where path == ["compute", "cpu-seconds"]:
            input.cpuSecondsPerDeviceYear = value
        case "trip" where path.count == 3 && path[2] == "distance":
            guard let index = input.profile.trips.firstIndex(where: { $0.id == path[1] }) else {
                throw ParameterError("no trip '\(path[1])'; known: \(input.profile.trips.map(\.id).joined(separator: ", "))")
            }
            input.profile.trips[index].distance = Quantity(value, .kilometre)
        default:
            throw ParameterError("unknown parameter '\(text)'; expected \(Self.syntax)")
        }
        return input
    }

    private static func set(_ field: [String], _ value: Double, on policy: Policy) throws(ParameterError) -> Policy {
        var policy = policy
        switch field.first {
        case "life" where field.count == 1: policy.life = Quantity(value, .year)
        case "service-interval" where field.count == 1: policy.serviceInterval = Quantity(value, .year)
        case "unplanned-visits" where field.count == 1: policy.unplannedVisits = value
        case "kits" where field.count == 2:
            policy.kits.removeAll { $0.kit == field[1] }
            policy.kits.append(KitCount(kit: field[1], count: Int(value.rounded())))
        case "collection" where field == ["collection", "interval"]:
            guard policy.collection != nil else { throw ParameterError("policy '\(policy.id)' has no collection") }
            policy.collection?.interval = Quantity(value, .day)
        case "renovation" where field.count == 2:
            guard let materialClass = MaterialClass(rawValue: field[1]) else {
                throw ParameterError("unknown material class '\(field[1])'; expected one of: \(MaterialClass.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            policy.renovations = policy.renovations.map { renovation in
                var renovation = renovation
                renovation.replace.removeAll { $0.materialClass == materialClass }
                renovation.replace.append(ReplacementShare(materialClass: materialClass, share: Quantity(value, .percent)))
                return renovation
            }
        default:
            throw ParameterError("unknown policy field '\(field.joined(separator: "."))'; expected life, service-interval, unplanned-visits, kits.KIT, collection.interval or renovation.CLASS")
        }
        return policy
    }

    private static func set(_ field: String, _ value: Double, on item: ICTItem) throws(ParameterError) -> ICTItem {
        var item = item
        switch field {
        case "life": item.life = Quantity(value, .year)
        case "power": item.power = Quantity(value, .watt)
        case "message-size": item.messageSize = Quantity(value, .byte)
        case "message-interval": item.messageInterval = Quantity(value, .minute)
        case "server-share": item.serverShare = Quantity(value, .vCPU)
        case "shared-by": item.sharedBy = max(1, Int(value.rounded()))
        default: throw ParameterError("unknown ICT field '\(field)'; expected life, power, message-size, message-interval, server-share or shared-by")
        }
        return item
    }
}
