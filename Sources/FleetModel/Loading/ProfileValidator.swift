/// Cross-reference and unit checks that need the whole profile (and the factor table): a bill of
/// materials naming an undeclared material, a rule on an unknown metric, a kit whose parts do not
/// add up to its stated mass, a material with no climate-change factor.
struct ProfileValidator {
    let profile: DeviceProfile
    let factors: FactorTable
    let log: IssueLog

    /// Relative tolerance when comparing a kit's stated mass with the sum of its parts.
    static let massTolerance = 0.01

    func validate() {
        checkSources()
        checkMaterials()
        checkKits()
        checkTrips()
        checkPolicies()
        checkMetrics()
        checkRules()
        checkICT()
        checkDegradation()
        requireFactor(profile.electricity, per: .energy, at: "electricity")
    }

    // MARK: Checks

    private func checkSources() {
        var references: [(String, String)] = [("telemetry.source", profile.telemetry.source), ("degradation.source", profile.degradation.source)]
        references += profile.components.map { ("components.\($0.id).source", $0.source) }
        references += profile.parts.map { ("parts.\($0.id).source", $0.source) }
        references += profile.kits.map { ("kits.\($0.id).source", $0.source) }
        references += profile.trips.map { ("trips.\($0.id).source", $0.source) }
        for policy in profile.policies {
            let base = policyPath(policy)
            references.append(("\(base).source", policy.source))
            references += policy.renovations.enumerated().map { ("\(base).renovations[\($0.offset)].source", $0.element.source) }
        }
        references += profile.rules.map { ("rules.\($0.id).source", $0.source) }
        references += profile.ict.map { ("ict.\($0.id).source", $0.source) }
        let declared = profile.sources.map(\.id)
        for (path, id) in references { known(id, in: declared, what: "source", at: path) }
    }

    private func checkMaterials() {
        for material in profile.materials {
            requireFactor(material.factor, per: .mass, at: "materials.\(material.id).factor", subject: "material '\(material.id)'")
        }
        let declared = profile.materials.map(\.id)
        for (section, entries) in [("components", profile.components), ("parts", profile.parts)] {
            for component in entries {
                for line in component.materials {
                    known(line.material, in: declared, what: "material", at: "\(section).\(component.id).materials.\(line.material)")
                }
            }
        }
    }

    private func checkKits() {
        for kit in profile.kits {
            var sum = 0.0
            for item in kit.contents {
                let path = "kits.\(kit.id).contents.\(item.part)"
                if known(item.part, in: profile.parts.map(\.id), what: "part", at: path), let part = profile.part(item.part) {
                    sum += part.kilograms * Double(item.count)
                }
                if item.count < 1 { log.add(at: path, "expected a count of 1 or more, got \(item.count)") }
            }
            let stated = kit.mass.value(in: .kilogram) ?? 0
            if abs(sum - stated) > Self.massTolerance * max(stated, sum) {
                log.add(at: "kits.\(kit.id).mass", "kit contents do not add up: parts weigh \(rounded(sum)) kg, kit states \(kit.mass); expected equal within 1 %")
            }
        }
    }

    private func checkTrips() {
        for trip in profile.trips {
            requireFactor(trip.vehicle, per: .distance, at: "trips.\(trip.id).vehicle")
            if trip.sharedBy < 1 { log.add(at: "trips.\(trip.id).shared_by", "expected 1 or more devices per trip, got \(trip.sharedBy)") }
        }
    }

    private func checkPolicies() {
        let trips = profile.trips.map(\.id)
        for policy in profile.policies {
            let base = policyPath(policy)
            for component in policy.components { known(component, in: profile.components.map(\.id), what: "component", at: "\(base).components") }
            for kit in policy.kits { known(kit.kit, in: profile.kits.map(\.id), what: "kit", at: "\(base).kits.\(kit.kit)") }
            if let trip = policy.visitTrip { known(trip, in: trips, what: "trip", at: "\(base).visit_trip") }
            if let trip = policy.collection?.trip { known(trip, in: trips, what: "trip", at: "\(base).collection.trip") }
            if let range = policy.lifeRange, !range.contains(policy.life) {
                log.add(at: "\(base).life_range", "expected a range around life \(policy.life), got [\(range.low), \(range.high)]")
            }
            for (index, renovation) in policy.renovations.enumerated() {
                let path = "\(base).renovations[\(index)]"
                if renovation.at.baseValue > policy.life.baseValue { log.add(at: "\(path).at", "renovation at \(renovation.at) is after the end of life (\(policy.life))") }
                if let trip = renovation.trip { known(trip, in: trips, what: "trip", at: "\(path).trip") }
                for share in renovation.replace where !(0...1).contains(share.fraction) {
                    log.add(at: "\(path).replace.\(share.materialClass.rawValue)", "expected a share between 0 % and 100 %, got \(share.share)")
                }
            }
        }
    }

    private func checkMetrics() {
        if profile.telemetry.metrics.count > TelemetrySchema.metricLimit {
            log.add(at: "telemetry.metrics", "expected at most \(TelemetrySchema.metricLimit) metrics, got \(profile.telemetry.metrics.count)")
        }
        for metric in profile.telemetry.metrics {
            if let range = metric.range, range.low.baseValue > range.high.baseValue {
                log.add(at: "telemetry.metrics.\(metric.id).range", "expected low <= high, got [\(range.low), \(range.high)]")
            }
        }
    }

    private func checkRules() {
        if profile.rules.count > DeviceProfile.ruleLimit {
            log.add(at: "rules", "expected at most \(DeviceProfile.ruleLimit) rules, got \(profile.rules.count)")
        }
        for rule in profile.rules {
            let base = "rules.\(rule.id)"
            guard let metric = metric(rule.metric, at: "\(base).metric") else { continue }
            for limit in rule.limits { sameUnit(limit.value, as: metric, at: "\(base).\(limit.field)") }
            if case .counterSinceService = rule.condition, metric.type != .counter {
                log.add(at: "\(base).kind", "a counter rule needs a counter metric; '\(metric.id)' is a \(metric.type.rawValue)")
            }
            if case .repeated(let repetition) = rule.condition, let value = repetition.value {
                known(value, in: metric.values, what: "value of '\(metric.id)'", at: "\(base).value")
            }
            if let kit = rule.action.kit { known(kit, in: profile.kits.map(\.id), what: "kit", at: "\(base).action.kit") }
        }
    }

    private func checkICT() {
        let policies = profile.policies.map(\.id)
        for item in profile.ict {
            let base = "ict.\(item.id)"
            for amount in item.embodied {
                requireFactor(amount.item, per: amount.amount.unit.dimension, at: "\(base).embodied.\(amount.item)")
            }
            for scenario in item.scenarios { known(scenario, in: policies, what: "policy", at: "\(base).scenarios") }
            if item.messageSize != nil, item.messageInterval == nil {
                log.add(at: "\(base).message_interval", "missing; expected the time between messages when message_size is given")
            }
        }
    }

    private func checkDegradation() {
        let model = profile.degradation
        let kits = profile.kits.map(\.id)
        for usage in model.usage {
            if let metric = metric(usage.id, at: "degradation.usage.\(usage.id)") { sameUnit(usage.amount, as: metric, at: "degradation.usage.\(usage.id).amount") }
        }
        for wear in model.wear {
            let base = "degradation.wear.\(wear.id)"
            if let metric = metric(wear.id, at: base) {
                sameUnit(wear.change, as: metric, at: "\(base).change")
                if let start = wear.start { sameUnit(start, as: metric, at: "\(base).start") }
                if let endOfLife = wear.endOfLife { sameUnit(endOfLife, as: metric, at: "\(base).end_of_life") }
            }
            usageUnit(wear.usage, per: wear.per, at: "\(base)")
            for kit in wear.restoredBy where kit != WearRate.collection { known(kit, in: kits, what: "kit", at: "\(base).restored_by") }
        }
        for fault in model.faults {
            let base = "degradation.faults.\(fault.id)"
            if let metric = metric(fault.metric, at: "\(base).metric"), let value = fault.value {
                known(value, in: metric.values, what: "value of '\(metric.id)'", at: "\(base).value")
            }
            usageUnit(fault.usage, per: fault.meanInterval, at: base, field: "mean_interval")
            if let kit = fault.kit { known(kit, in: kits, what: "kit", at: "\(base).kit") }
        }
        for event in model.abuse {
            let base = "degradation.abuse.\(event.id)"
            _ = metric(event.metric, at: "\(base).metric")
            usageUnit(event.usage, per: event.meanInterval, at: base, field: "mean_interval")
            if let kit = event.kit { known(kit, in: kits, what: "kit", at: "\(base).kit") }
        }
        for name in model.seasonality?.metrics ?? [] {
            known(name, in: model.usage.map(\.id), what: "usage metric", at: "degradation.seasonality.metrics")
        }
    }

    // MARK: Helpers

    private func policyPath(_ policy: Policy) -> String {
        policy.id == Policy.baselineName ? "baseline" : "scenarios.\(policy.id)"
    }

    /// Logs "unknown <what> 'x'; expected one of: ..." unless `id` is in `candidates`.
    @discardableResult
    private func known(_ id: String, in candidates: [String], what: String, at path: String) -> Bool {
        guard !candidates.contains(id) else { return true }
        let expected = candidates.isEmpty ? "none are declared" : "expected one of: \(candidates.joined(separator: ", "))"
        log.add(at: path, "unknown \(what) '\(id)'; \(expected)")
        return false
    }

    private func metric(_ name: String, at path: String) -> Metric? {
        known(name, in: profile.telemetry.metrics.map(\.id), what: "metric", at: path) ? profile.telemetry.metric(name) : nil
    }

    private func sameUnit(_ quantity: Quantity, as metric: Metric, at path: String) {
        guard let unit = metric.unit, unit.dimension != quantity.unit.dimension else { return }
        log.add(at: path, "unit mismatch: metric '\(metric.id)' is in \(unit.symbol) (\(unit.dimension.rawValue)), got \(quantity)")
    }

    /// A rate "per" amount is calendar time, or usage in the unit of the named counter metric.
    private func usageUnit(_ usage: String?, per amount: Quantity, at base: String, field: String = "per") {
        guard let usage else {
            if amount.unit.dimension != .duration {
                log.add(at: "\(base).\(field)", "unit mismatch: expected a duration when no usage metric is named, got \(amount)")
            }
            return
        }
        if let metric = metric(usage, at: "\(base).usage") { sameUnit(amount, as: metric, at: "\(base).\(field)") }
    }

    /// Requires a climate-change factor for `item` whose reference unit measures `dimension`.
    private func requireFactor(_ item: String, per dimension: QuantityDimension, at path: String, subject: String? = nil) {
        let what = subject.map { "\($0) (factor item '\(item)')" } ?? "'\(item)'"
        guard let factor = factors.factor(item, FactorTable.climateChange) else {
            log.add(at: path, "no factor for \(what) in \(FactorTable.climateChange); expected a row '\(item),\(FactorTable.climateChange),...' in the factor table")
            return
        }
        if factor.unit.reference.dimension != dimension {
            log.add(at: path, "unit mismatch: factor '\(item)' is per \(factor.unit.reference.symbol) (\(factor.origin)), expected per \(dimension.expectation)")
        }
    }

    private func rounded(_ value: Double) -> String {
        String((value * 1000).rounded() / 1000)
    }
}
