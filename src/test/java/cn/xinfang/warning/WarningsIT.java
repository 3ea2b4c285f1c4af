package cn.xinfang.warning;

import cn.xinfang.support.ApplicationIT;

/** The warning scenarios on the shared application context (H2). */
@ApplicationIT
class WarningsIT extends WarningScenarios {}
