package org.qingfeng.supervision;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Period;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.qingfeng.ledger.EventType;
import org.qingfeng.ledger.ProblemLedger;
import org.qingfeng.rectification.Deadlines;
import org.qingfeng.rectification.ProblemRegistered;

/**
 * The watch's decisions when two registrations of one department and category run at the same time. Each statement
 * of a registration's transaction reads what is committed when it starts, so the other registration's proposal can
 * appear between any two of them; SpecialRectificationGroupProcessTest races real registrations, this replays the
 * interleaving that the race only sometimes hits.
 */
class RecurringProblemWatchTests {

    private static final String DEPARTMENT = "officeSpace";
    private static final String CATEGORY = "attitude";
    private static final long PROBLEM = 42;
    private static final long PROPOSAL = 7;

    private final RectificationGroupProposals proposals = mock(RectificationGroupProposals.class);
    private final ProblemLedger ledger = mock(ProblemLedger.class);
    private final Deadlines deadlines = mock(Deadlines.class);
    private RecurringProblemWatch watch;

    @BeforeEach
    void watch() {
        when(deadlines.now()).thenReturn(ZonedDateTime.of(2029, 1, 8, 9, 0, 0, 0, ZoneId.of("Asia/Shanghai")));
        watch = new RecurringProblemWatch(proposals, new RectificationGroupSettings(3, Period.ofDays(90), "P5D"), ledger,
                null, deadlines, null, null, null);
    }

    @Test
    void aProposalCommittedBetweenTheLookUpAndTheCountIsJoined() {
        // no open proposal yet; by the time the problems are counted, the other registration has proposed and
        // committed, so the earlier problems are counted already and only this one is left
        when(proposals.openProposal(DEPARTMENT, CATEGORY)).thenReturn(Optional.empty(), Optional.of(PROPOSAL));
        when(proposals.uncounted(eq(DEPARTMENT), eq(CATEGORY), any())).thenReturn(List.of(recurring(PROBLEM)));

        watch.problemRegistered(new ProblemRegistered(PROBLEM, "ZF-2029-000004", DEPARTMENT, CATEGORY));

        verify(proposals, never()).propose(anyString(), anyString(), anyInt(), any());
        verify(proposals).link(PROPOSAL, PROBLEM);
        verify(ledger).record(eq(PROBLEM), eq(EventType.RECTIFICATION_GROUP_PROPOSED), anyString(), anyString(),
                contains("一并纳入"));
    }

    @Test
    void aProposalCommittedBetweenTheCountAndTheInsertIsJoined() {
        when(proposals.openProposal(DEPARTMENT, CATEGORY)).thenReturn(Optional.empty(), Optional.of(PROPOSAL));
        when(proposals.uncounted(eq(DEPARTMENT), eq(CATEGORY), any()))
                .thenReturn(List.of(recurring(1), recurring(2), recurring(PROBLEM)));
        when(proposals.propose(eq(DEPARTMENT), eq(CATEGORY), eq(3), any())).thenReturn(Optional.empty());

        watch.problemRegistered(new ProblemRegistered(PROBLEM, "ZF-2029-000004", DEPARTMENT, CATEGORY));

        verify(proposals).link(PROPOSAL, PROBLEM);
        verify(proposals, never()).link(PROPOSAL, 1);
    }

    @Test
    void tooFewProblemsAndNoProposalLeaveTheProblemAlone() {
        when(proposals.openProposal(DEPARTMENT, CATEGORY)).thenReturn(Optional.empty());
        when(proposals.uncounted(eq(DEPARTMENT), eq(CATEGORY), any())).thenReturn(List.of(recurring(1), recurring(PROBLEM)));

        watch.problemRegistered(new ProblemRegistered(PROBLEM, "ZF-2029-000002", DEPARTMENT, CATEGORY));

        verify(proposals, never()).propose(anyString(), anyString(), anyInt(), any());
        verify(proposals, never()).link(anyLong(), anyLong());
    }

    private static RectificationGroupProposals.Recurring recurring(long id) {
        return new RectificationGroupProposals.Recurring(id, "ZF-2029-" + id, "办公用房调整申请多次补交材料仍未办理");
    }
}
