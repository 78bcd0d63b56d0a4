package com.acme.shop.admin.page;

import java.util.List;

/**
 * Who is signed in, and what the pages offer them, by the role lists the doors use ({@link Doors}), so a button shows
 * exactly when its POST would get through.
 *
 * @param roles       the roles in Korean, e.g. {@code 운영자(OPERATOR)}
 * @param canAct      refunds, re-checks, retries, replays, webhook re-processing
 * @param canFinance  settlement actions and exports
 * @param canManage   the operators screen
 */
public record SignedIn(String username, String displayName, List<String> roles, boolean canAct, boolean canFinance,
                       boolean canManage) {
}
