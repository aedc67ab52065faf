/**
 * Scrutiny, plan and indicator records planted for the JSON API tests (the seed import does not create them yet):
 * one published recommendation with a response, one still unpublished (carrying a canary), a plan with one action
 * and its progress, and an indicator with an observation and a target.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../../src/db/schema.ts';

export const UNPUBLISHED_CANARY = 'CANARY-a81f recommendation still in draft';

export interface PlantedAccountability {
  publishedRecommendationId: string;
  unpublishedRecommendationId: string;
  planId: string;
  indicatorId: string;
}

export async function plantAccountability(
  db: Kysely<Database>,
  ids: { authorityId: string; meetingId: string; bodyId: string },
): Promise<PlantedAccountability> {
  await db
    .insertInto('scrutiny_item')
    .values({
      id: 'scrutiny-item-planted1',
      authority_id: ids.authorityId,
      kind: 'review',
      body_id: ids.bodyId,
      meeting_id: ids.meetingId,
      title: 'Treasury management review',
      call_in_points: '[]',
    })
    .execute();
  await db
    .insertInto('scrutiny_recommendation')
    .values([
      {
        id: 'recommendation-planted1',
        item_id: 'scrutiny-item-planted1',
        number: 1,
        text: 'That quarterly treasury reports come to this Committee.',
        status: 'RESPONSE RECEIVED',
        due_date: '2012-01-23',
        published: true,
      },
      {
        id: 'recommendation-planted2',
        item_id: 'scrutiny-item-planted1',
        number: 2,
        text: UNPUBLISHED_CANARY,
        status: 'PENDING',
        due_date: '2012-01-23',
        published: false,
      },
    ])
    .execute();
  await db
    .insertInto('scrutiny_response')
    .values({
      id: 'response-planted1',
      recommendation_id: 'recommendation-planted1',
      text: 'Agreed: reports will come each quarter.',
      response_date: '2012-01-10',
      responder_printed: 'Mr J Simmonds',
    })
    .execute();

  await db
    .insertInto('plan')
    .values({ id: 'plan-planted1', authority_id: ids.authorityId, title: 'Treasury Improvement Plan', slug: 'treasury-improvement-plan' })
    .execute();
  await db.insertInto('plan_priority').values({ id: 'priority-planted1', plan_id: 'plan-planted1', number: 1, title: 'Sound borrowing' }).execute();
  await db
    .insertInto('plan_outcome')
    .values({
      id: 'outcome-planted1',
      plan_id: 'plan-planted1',
      priority_id: 'priority-planted1',
      ref: '1.1',
      statement: 'Borrowing stays within prudential limits',
    })
    .execute();
  // The second action has no progress update yet, so its RAG rating is null in the API (generated clients must accept it).
  await db
    .insertInto('plan_action')
    .values([
      { id: 'action-planted1', plan_id: 'plan-planted1', outcome_id: 'outcome-planted1', ref: '1.1.1', position: 1, text: 'Report borrowing quarterly' },
      { id: 'action-planted2', plan_id: 'plan-planted1', outcome_id: 'outcome-planted1', ref: '1.1.2', position: 2, text: 'Agree a borrowing strategy' },
    ])
    .execute();
  await db
    .insertInto('plan_progress_update')
    .values([
      { id: 'progress-planted1', action_id: 'action-planted1', update_date: '2011-12-01', rag: 'red', narrative: 'Not started', author_name: 'Officer' },
      {
        id: 'progress-planted2',
        action_id: 'action-planted1',
        update_date: '2012-03-01',
        rag: 'amber',
        narrative: 'First report made',
        author_name: 'Officer',
      },
    ])
    .execute();

  await db
    .insertInto('indicator')
    .values({
      id: 'indicator-planted1',
      authority_id: ids.authorityId,
      plan_id: 'plan-planted1',
      name: 'Borrowing as a share of the limit',
      slug: 'borrowing-share',
      definition: 'Borrowing divided by the authorised limit',
      unit: 'percent',
      polarity: 'lower-is-better',
    })
    .execute();
  await db
    .insertInto('indicator_observation')
    .values({ id: 'observation-planted1', indicator_id: 'indicator-planted1', period: '2011-12', value: 72.5, as_at: '2011-12-31' })
    .execute();
  await db
    .insertInto('indicator_target')
    .values({ id: 'target-planted1', indicator_id: 'indicator-planted1', value: 90, comparison: 'at-most', printed_label: 'Below 90%' })
    .execute();

  return {
    publishedRecommendationId: 'recommendation-planted1',
    unpublishedRecommendationId: 'recommendation-planted2',
    planId: 'plan-planted1',
    indicatorId: 'indicator-planted1',
  };
}
