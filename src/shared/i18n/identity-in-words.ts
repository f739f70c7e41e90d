import type { TFunction } from 'i18next';
import type { PersonIdentity } from '../person.schemas.js';
import { citizenshipName } from './citizenship-name.js';

/** A person's identity as a reader says it, one phrase per recorded item, for the case page and the printed summary alike. */
export interface IdentityInWords {
  names: string[];
  birthDate: string | null;
  citizenships: string[];
  documents: string[];
  contacts: string[];
  addresses: string[];
}

// Which name is an alias, what was only declared, and who holds a passport
// decide what a worker may rely on (a withheld passport is itself an
// indicator), so each item keeps them beside its value.
export function identityInWords(identity: PersonIdentity, t: TFunction): IdentityInWords {
  return {
    names: identity.names.map(
      (name) => `${[name.family, name.given, name.patronymic].filter(Boolean).join(' ')} (${t(`cases.nameKinds.${name.kind}`)}; ${t(`cases.identityBases.${name.basis}`)})`,
    ),
    birthDate: identity.birthDate === null ? null : `${identity.birthDate.value} (${t(`cases.ageBases.${identity.birthDate.basis}`)})`,
    citizenships: identity.citizenships.map((code) => citizenshipName(code, t)),
    documents: identity.documents.map((document) => {
      const issuedBy = document.issuingCountry === undefined ? '' : `, ${t('cases.issuedBy', { country: citizenshipName(document.issuingCountry, t) })}`;
      return `${t(`caseView.identityDocuments.${document.type}`)} ${document.number}${issuedBy} (${t(`cases.documentHolders.${document.heldBy}`)})`;
    }),
    contacts: identity.contacts.map((contact) => `${t(`cases.contactKinds.${contact.kind}`)}: ${contact.value}`),
    addresses: identity.addresses.map((address) => `${t(`cases.addressKinds.${address.kind}`)}: ${address.text}`),
  };
}
