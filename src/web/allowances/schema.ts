/** zod schemas of the allowances pages' inputs: the shape and size of what is posted; the scheme's rules are the services'. */
import { z } from 'zod';
import { CLAIM_KINDS } from '../../domain/allowances/claims.ts';
import { parseYearLabel } from '../../domain/allowances/dates.ts';

const text = (max: number, label: string) => z.string().trim().max(max, `${label} must be ${max} characters or fewer`).optional();

export const ClaimKindQuerySchema = z.object({ kind: z.enum(CLAIM_KINDS, 'Choose what you are claiming for').optional() });

export const ClaimFormSchema = z.object({
  kind: z.enum(CLAIM_KINDS, 'Choose what you are claiming for'),
  description: text(500, 'The description'),
  purposeCode: text(10, 'The purpose'),
  miles: text(20, 'Miles'),
  cost: text(20, 'The cost'),
  hours: text(20, 'Hours'),
  dependants: text(6, 'Dependants'),
  days: text(6, 'Days'),
  carerInHousehold: z.enum(['yes']).optional(),
  confirmDuplicate: z.enum(['yes']).optional(),
});
export type ClaimForm = z.infer<typeof ClaimFormSchema>;

export const YearQuerySchema = z.object({
  year: z
    .string()
    .optional()
    .refine((value) => value === undefined || parseYearLabel(value) !== undefined, 'must be a year like 2011/12'),
});

export const ClaimParamsSchema = z.object({ id: z.string().regex(/^claim-[0-9a-f-]{36}$/) });
export const SchemeParamsSchema = z.object({ id: z.string().regex(/^allowance-scheme-[0-9a-f]{16}$/) });

export const DecisionFormSchema = z.object({
  decision: z.enum(['approve', 'reject'], 'Choose whether to approve or reject the claim'),
  note: text(1000, 'The reason'),
});

export const HolderFormSchema = z.object({
  personId: z.string().min(1, 'Choose the member').max(200),
  entitlement: z.string().regex(/^(basic|sra:.+|co-optee:.+)$/, 'Choose the allowance'),
  membershipId: z.string().trim().max(200).optional(),
});

export const ForgoneFormSchema = z.object({
  personId: z.string().min(1, 'Choose the member').max(200),
  year: z.string().refine((value) => parseYearLabel(value) !== undefined, 'Enter the year as in 2011/12'),
  kind: z.enum(['basic', 'sra', 'co-optee', 'all'], 'Choose which allowance is forgone'),
  amount: text(20, 'The amount'),
  note: text(500, 'The note'),
});

/** An officer's claim on a member's behalf: which member, and (once chosen) which kind of claim. */
export const OnBehalfQuerySchema = z.object({
  member: z.string().trim().min(1, 'Choose the member the claim is for').max(200).optional(),
  kind: z.enum(CLAIM_KINDS, 'Choose what the member is claiming for').optional(),
});
