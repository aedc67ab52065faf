/**
 * The improvement plan, its appendices, dashboard and progress figures read from the seed papers, against the plan
 * facts of ../shared/gold/seed-facts.json.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractPlanPaper } from '../../src/import/extract/plan/plan.ts';
import { parseLeads } from '../../src/import/extract/plan/leads.ts';
import { goldFacts, seedFile } from '../support/seeds.ts';

const read = (prefix: string) => {
  const file = seedFile(prefix);
  return extractPlanPaper({ name: file, format: 'text', lines: fs.readFileSync(file, 'utf8').split('\n'), warnings: [] });
};

describe('the improvement plan in seed 001', () => {
  const gold = goldFacts()['001_078369eba01f855e.txt'];
  const fact = gold.improvementPlan;
  const extract = read('001_');
  const plan = extract.plans[0]!;

  it('is one plan with its title and month', () => {
    expect(extract.plans).toHaveLength(1);
    expect(plan.title).toBe(fact.title);
    expect(plan.date).toBe(fact.date);
    expect(plan.reportsTo).toContain("Kent Safeguarding Children's Board");
  });

  it('has 6 priorities and 128 actions from 1.1.1 to 6.3.6, each with a milestone', () => {
    expect(plan.priorities).toHaveLength(fact.priorities);
    expect(plan.priorities.map((p) => p.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(plan.actions).toHaveLength(fact.actions);
    expect(plan.actions[0]!.ref).toBe(fact.firstAction);
    expect(plan.actions[plan.actions.length - 1]!.ref).toBe(fact.lastAction);
    expect(new Set(plan.actions.map((a) => a.ref)).size).toBe(fact.actions);
    expect(plan.actions.every((a) => a.milestones.length > 0)).toBe(true);
    // Every action belongs to an outcome printed in the plan.
    const outcomes = new Set(plan.outcomes.map((o) => o.ref));
    expect(plan.actions.filter((a) => !outcomes.has(a.ref.split('.').slice(0, 2).join('.')))).toEqual([]);
  });

  it('reports the action printed twice (2.3.8 = 2.3.6) instead of counting it twice', () => {
    expect(extract.issues.map((i) => i.message)).toEqual([expect.stringContaining('2.3.8 repeats action 2.3.6')]);
  });

  it('reads action 2.1.3: leads, requirements and the August 2011 milestone with its measure', () => {
    const sample = fact.actionSample;
    const action = plan.actions.find((a) => a.ref === sample.ref)!;
    const leads = action.milestones.flatMap((m) => m.leads.map((l) => (l.kind === 'person' ? l.name : l.role)));
    expect([...new Set(leads)]).toEqual(sample.leads);
    expect(action.milestones[0]!.leads[0]).toEqual({ kind: 'role', role: 'Heads of Service' });
    expect(action.requirements).toEqual(sample.requirements);
    const milestone = action.milestones.find((m) => m.timescale.start === sample.milestone.start)!;
    expect(milestone.timescale.end).toBe(sample.milestone.end);
    expect(milestone.measures).toEqual([sample.milestone.measure]);
    expect(action.text.startsWith('Action is taken to reduce the number of unallocated cases')).toBe(true);
    expect(action.text).not.toMatch(/IN 3|CT 1/);
  });

  it('keeps timescales as printed alongside their reading', () => {
    const monthly = plan.actions.find((a) => a.ref === '5.1.2')!.milestones[0]!.timescale;
    expect(monthly).toMatchObject({ printed: 'Monthly until 1 March 2012', kind: 'recurring', until: '2012-03-01' });
    expect(plan.actions.find((a) => a.ref === '2.1.1')!.milestones[0]!.timescale.kind).toBe('completed');
  });

  it('marks joint actions and reads leads run together in one cell', () => {
    expect(plan.actions.find((a) => a.ref === '1.5.1')!.jointWith).toBe('Joint with Partners');
    expect(plan.actions.find((a) => a.ref === '2.4.4')!.jointWith).toBe('Joint with Partners');
    expect(plan.actions.find((a) => a.ref === '1.1.1')!.jointWith).toBeUndefined();
    const leads = plan.actions.find((a) => a.ref === '2.1.1')!.milestones[0]!.leads;
    expect(leads).toEqual([
      { kind: 'person', name: 'Alastair Pettigrew' },
      { kind: 'role', role: 'Heads of Service' },
    ]);
  });

  it('has the three requirement sets with 16, 23 and 10 requirements and the Ofsted timings', () => {
    const sizes = Object.fromEntries(plan.requirementSets.map((set) => [set.name, set.requirements.length]));
    for (const [name, count] of Object.entries(fact.requirementSets)) expect(sizes[name]).toBe(count);
    const ofsted = plan.requirementSets.find((set) => set.prefix === 'O')!;
    for (const [number, timing] of Object.entries(fact.ofstedTiming)) {
      expect(ofsted.requirements.find((r) => r.number === Number(number))?.dueCategory).toBe(timing);
    }
  });

  it('has the 22 leads with job titles and the Heads of Service by name', () => {
    expect(plan.leadTitles).toHaveLength(fact.leadsWithJobTitles);
    expect(plan.leadTitles.find((l) => l.name === 'Donna Shkalla')?.jobTitle).toBe('Head of Management Information');
    expect(plan.roleHolders.filter((h) => h.role === 'Heads of Service').map((h) => h.name)).toContain('Kathy Lambourn');
  });

  it('reads the dashboard: 6 indicators with definitions, units and polarity', () => {
    expect(extract.indicators.map((i) => i.name)).toEqual(gold.indicators.names);
    expect(extract.indicators.every((i) => i.definition.length > 40)).toBe(true);
    expect(extract.indicators[0]).toMatchObject({ unit: 'count', polarity: 'lower-is-better' });
    expect(extract.indicators[5]).toMatchObject({ unit: 'percent', polarity: 'higher-is-better' });
  });

  it('reads the figures of the May 2011 report and the Improvement Notice targets', () => {
    for (const series of gold.indicators.observations) {
      const values = extract.observations.filter((o) => o.label === series.indicator).map((o) => [o.period, o.value]);
      expect(values).toEqual(series.values);
    }
    for (const target of gold.indicators.targets) {
      const found = extract.targets.find((t) => t.label.startsWith(target.what));
      expect(found, target.what).toMatchObject({ value: target.value, deadline: target.by, requirementCode: 'IN 3', comparison: 'at-most' });
    }
    expect(extract.targets.find((t) => t.requirementCode === 'IN 9')).toMatchObject({ label: 'vacancy rate of qualified social workers', value: 10 });
  });
});

describe('progress figures in seed 002', () => {
  it('gives the observations of early May 2011', () => {
    const extract = read('002_');
    expect(extract.plans).toEqual([]);
    for (const series of goldFacts()['002_a8dad1b4c03f7028.txt'].observations) {
      const values = extract.observations.filter((o) => o.label === series.indicator).map((o) => [o.period, o.value]);
      expect(values).toEqual(expect.arrayContaining(series.values));
    }
    expect(extract.observations.every((o) => o.asAt === '2011-06-21')).toBe(true);
  });
});

describe('parseLeads', () => {
  it('keeps roles as roles and splits names run together', () => {
    expect(parseLeads('Heads of Service Donna Marriott', ['Donna Marriott'], ['Heads of Service'])).toEqual([
      { kind: 'role', role: 'Heads of Service' },
      { kind: 'person', name: 'Donna Marriott' },
    ]);
    expect(parseLeads('Chair of Children’s Trust – Amanda Honey', [])).toEqual([
      { kind: 'role', role: 'Chair of Children’s Trust' },
      { kind: 'person', name: 'Amanda Honey' },
    ]);
  });
});
