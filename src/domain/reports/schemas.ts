import { communeCode, departementCode, epciCode, isoDateSchema } from '../registry/schemas.ts';
import { z } from '../zod-fr.ts';

export const REPORT_FORMATS = ['pdf', 'docx', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};

/** Levels an état des lieux can describe. */
export const REPORT_LEVELS = ['region', 'departement', 'epci', 'commune'] as const;
export type ReportLevel = (typeof REPORT_LEVELS)[number];

const regionCode = z.string().regex(/^\d{2}$/, 'code de région à 2 chiffres');
const CODE_OF_LEVEL: Record<ReportLevel, z.ZodType<string>> = {
  region: regionCode,
  departement: departementCode,
  epci: epciCode,
  commune: communeCode,
};
const TERRITORY_FORMAT =
  'format attendu TYPE:CODE (TYPE : region, departement, epci ou commune), par exemple commune:85191';

/** `territoire=commune:85191`: the level and the code, each code checked with the rule of its level. */
export const reportTerritory = z
  .string()
  .max(40)
  .transform((s, ctx) => {
    const [type, code, ...rest] = s.split(':');
    if (!type || code === undefined || rest.length > 0 || !REPORT_LEVELS.includes(type as ReportLevel)) {
      ctx.addIssue({ code: 'custom', message: TERRITORY_FORMAT });
      return z.NEVER;
    }
    const level = type as ReportLevel;
    const checked = CODE_OF_LEVEL[level].safeParse(code);
    if (!checked.success) {
      ctx.addIssue({ code: 'custom', message: `${type}:${code} — ${checked.error.issues[0]?.message}` });
      return z.NEVER;
    }
    return { type: level, code };
  });
export type ReportTerritory = { type: ReportLevel; code: string };

/** Shared by the HTTP route and the CLI. */
export const etatDesLieuxQuery = z
  .object({
    region: regionCode.optional(),
    departement: departementCode.optional(),
    /** Any level, EPCI and commune included; the older region/departement parameters stay. */
    territoire: reportTerritory.optional(),
    date: isoDateSchema.optional(),
    format: z.enum(REPORT_FORMATS, { error: () => 'format : pdf, docx ou html' }).default('html'),
  })
  .refine((q) => Boolean(q.region || q.departement || q.territoire), {
    path: ['region'],
    message: 'indiquez une région (region), un département (departement) ou un territoire (territoire)',
  })
  .refine((q) => !q.territoire || (!q.region && !q.departement), {
    path: ['territoire'],
    message: 'territoire ne se combine pas avec region ou departement : indiquez l’un ou l’autre',
  });
export type EtatDesLieuxQuery = z.infer<typeof etatDesLieuxQuery>;

/** `GET /api/rapports/dossier-elus`: a commune or an intercommunalité (shared by the route and the CLI). */
export const dossierElusQuery = z.object({
  territoire: reportTerritory.refine((t) => t.type === 'commune' || t.type === 'epci', {
    message: 'une commune ou une intercommunalité est attendue (commune:CODE ou epci:SIREN)',
  }),
  date: isoDateSchema.optional(),
  format: z.enum(REPORT_FORMATS, { error: () => 'format : pdf, docx ou html' }).default('html'),
});
export type DossierElusQuery = z.infer<typeof dossierElusQuery>;

/** The territory a query describes, whichever parameters it used. */
export function reportTerritoryOf(q: {
  region?: string | undefined;
  departement?: string | undefined;
  territoire?: ReportTerritory | undefined;
}): ReportTerritory {
  if (q.territoire) return q.territoire;
  if (q.departement) return { type: 'departement', code: q.departement };
  return { type: 'region', code: q.region as string };
}
