import { describe, expect, it } from 'vitest';
import { describeField, fieldId } from '../../web/src/pages/compose/fieldPaths.ts';

describe('the composer names the fields the API refuses', () => {
  it('in words, sections numbered as in the document', () => {
    expect(describeField('titre')).toBe('Titre');
    expect(describeField('sections.0.titre')).toBe('Section 1, titre');
    expect(describeField('sections.0.sections.1.notices.2.commentaire')).toBe(
      'Section 1.2, notice 3, commentaire',
    );
    expect(describeField('sections.2.sections.0.notices.0.notice')).toBe('Section 3.1, notice 1, notice');
    expect(describeField('auteurs.1')).toBe('Auteur 2');
    expect(describeField('auteurs.0.prenom')).toBe('Auteur 1, prénom');
    expect(describeField('glossaire.3.forme')).toBe('Glossaire, terme 4, forme développée');
    expect(describeField('sections')).toBe('Sections');
  });

  it('and by the id of the field, which the error summary links to', () => {
    expect(fieldId('sections.0.sections.1.titre')).toBe('champ-sections-0-sections-1-titre');
    expect(fieldId('introduction')).toBe('champ-introduction');
  });
});
