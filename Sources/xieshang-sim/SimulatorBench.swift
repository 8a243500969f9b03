/// `--bench`: filled in below.
func runSimulatorBench(_ args: [String]) -> Int32 {
    print("bench not built yet")
    return 1
}
