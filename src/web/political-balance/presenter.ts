/** The balance table as the page shows it: parties as columns, each cell with its seats, entitlement and reason. */
import type { BalanceTable, SeatMove } from '../../services/political-balance/balance-table.ts';

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
  return moves.map((move) => ({ ...move, change: move.after > move.before ? `gains ${move.after - move.before}` : `loses ${move.before - move.after}` }));
}
