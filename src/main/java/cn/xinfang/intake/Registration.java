package cn.xinfang.intake;

import cn.xinfang.casestore.PetitionRecord;

/**
 * The answer to a registration: the stored case and whether it already existed (idempotent replay).
 */
public record Registration(PetitionRecord petition, boolean replayed) {}
