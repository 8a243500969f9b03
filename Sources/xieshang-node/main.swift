// xieshang-node: the node process alone (`xieshang-node --config node.json`), what servers run. The same code as
// `xieshang node`, without the operators' CLI, the report renderer and full Foundation (the node modules link
// FoundationEssentials only), so an idle node maps and touches fewer pages (issue 6: idle RSS ≤ 20 MB).
import Glibc
import XieshangNode

exit(NodeProcess.run(Array(CommandLine.arguments.dropFirst()), command: "xieshang-node"))
