import type { DynamicKind } from '@domain/registry/kinds.ts';

/** One colour per kind, distinct on both light and dark backgrounds (DSFR illustrative palette). */
export const KIND_COLORS: Record<DynamicKind, string> = {
  ASV: '#e1000f',
  CLS: '#000091',
  CLSM: '#a558a0',
  CPTS: '#009081',
  MSP: '#c3992a',
  CDS: '#ce614a',
  ESP: '#73e0cf',
  CONTRAT_VILLE: '#417dc4',
  MEDIATION_SANTE: '#e18b76',
  PTSM: '#6e445a',
  DAC: '#66673d',
  PLSP: '#fc5d00',
  AUTRE: '#929292',
};
