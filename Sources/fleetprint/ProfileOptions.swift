import ArgumentParser
import FleetModel
import FleetprintRuntime

/// Where profiles and factors come from; shared by every command that loads device kinds.
struct ProfileOptions: ParsableArguments {
    @Option(name: .customLong("profiles"), help: ArgumentHelp("Folder of device profiles (default: DeviceProfiles/ of $FLEETPRINT_HOME, the working directory or the checkout holding the executable).", valueName: "dir"))
    var profilesDirectory: String?

    @Option(name: .customLong("method"), help: ArgumentHelp("Characterisation method: ef-3.0 (default; the open factors cover it completely) or recipe-2016 (ReCiPe 2016 midpoint H; use it with an ecoinvent ReCiPe export), or a category table CSV. Results never mix methods.", valueName: "name"))
    var method: String = FactorSet.defaultMethod

    @Option(name: .customLong("prices"), help: ArgumentHelp("Shadow prices: ce-delft-2024 (default; CE Delft Environmental Prices Handbook 2024, EU27, EUR2021) or case-studies (the Dutch case studies' table, ReCiPe only), or a price CSV.", valueName: "name"))
    var prices: String = FactorSet.defaultPrices

    @Option(name: .customLong("factors"), parsing: .upToNextOption, help: ArgumentHelp("Factor CSV files layered over the open default factors, item by item; rows without a method column belong to --method (see Config/README.md).", valueName: "file"))
    var factorFiles: [String] = []

    var sources: ProfileSources {
        ProfileSources(home: FleetprintHome.locate(), profilesDirectory: profilesDirectory, method: method, prices: prices, extraFactors: factorFiles)
    }
}
