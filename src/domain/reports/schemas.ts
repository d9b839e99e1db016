import { departementCode, isoDateSchema } from '../registry/schemas.ts';
import { z } from '../zod-fr.ts';

export const REPORT_FORMATS = ['pdf', 'docx', 'html'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_CONTENT_TYPES: Record<ReportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  html: 'text/html; charset=utf-8',
};

/** Shared by the HTTP route and the CLI. */
export const etatDesLieuxQuery = z
  .object({
    region: z
      .string()
      .regex(/^\d{2}$/, 'code de région à 2 chiffres')
      .optional(),
    departement: departementCode.optional(),
    date: isoDateSchema.optional(),
    format: z.enum(REPORT_FORMATS, { error: () => 'format : pdf, docx ou html' }).default('html'),
  })
  .refine((q) => Boolean(q.region || q.departement), {
    path: ['region'],
    message: 'indiquez une région (region) ou un département (departement)',
  });
export type EtatDesLieuxQuery = z.infer<typeof etatDesLieuxQuery>;
