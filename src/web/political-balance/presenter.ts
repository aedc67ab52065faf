/** The balance table as the page shows it: parties as columns, each cell with its seats, entitlement and reason. */
import type { CalculatorOutput } from '../../domain/political-balance/calculator.ts';
import type { BalanceTable, SeatMove } from '../../services/political-balance/balance-table.ts';
import { t } from '../i18n/index.ts';

const RULE_NAMES = { a: 'rule (a)', b: 'rule (b)', c: 'rule (c)', d: 'rule (d)', reg16: 'regulation 16' } as const;

export function presentTable(table: BalanceTable, moves: SeatMove[] = []) {
  const moved = new Set(moves.map((move) => `${move.body}\u0000${move.party}`));
  return {
    ...table,
    parties: table.parties.map((party) => ({ ...party, label: `${party.name} (${party.members})` })),
    rows: table.rows.map((row) => ({
      ...row,
      cells: row.cells.map((cell) => {
        const party = table.parties.find((candidate) => candidate.id === cell.partyId)!;
        return { ...cell, ruleName: RULE_NAMES[cell.rule], moved: moved.has(`${row.body.name}\u0000${party.name}`) };
      }),
    })),
    totals: table.totals.map((total) => ({ ...total, met: total.nearest || !table.parties.find((party) => party.id === total.partyId)?.isGroup })),
  };
}

export function presentMoves(moves: SeatMove[]) {
  return moves.map((move) => ({
    ...move,
    change:
      move.after > move.before ? t('balancePage.gains', { seats: move.after - move.before }) : t('balancePage.loses', { seats: move.before - move.after }),
  }));
}

/** The calculator's answer as a table: bodies as rows, groups (and members in no group) as columns. */
export function presentCalculation(result: CalculatorOutput) {
  const columns = Object.keys(result.totals);
  return {
    columns: columns.map((key) => (key === 'ungrouped' ? t('balancePage.ungrouped') : key)),
    rows: result.bodies.map((body) => ({
      name: body.name,
      kind: body.kind,
      seats: Object.values(body.seats).reduce((sum, n) => sum + n, 0),
      cells: columns.map((key) => {
        const rule = body.rules.find((candidate) => candidate.group === key)!;
        return { ...rule, ruleName: RULE_NAMES[rule.rule] };
      }),
    })),
    totals: columns.map((key) => result.totals[key]),
    totalSeats: Object.values(result.totals).reduce((sum, n) => sum + n, 0),
    ordinary: {
      seats: result.ordinaryCommittees.seats,
      cells: columns.map((key) => ({ seats: result.ordinaryCommittees.totals[key], share: result.ordinaryCommittees.shares[key] })),
    },
    ties: result.ties,
    notes: result.notes.filter((note) => !note.startsWith('Tie: ')),
    json: JSON.stringify(result, null, 2),
  };
}
