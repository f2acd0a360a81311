import type { Catalog } from '../catalog';

/** English texts. Lead data protection: the do-not-contact marker. */
export const dnc: Catalog['dnc'] = {
  label: 'Do not contact',
  description:
    'The person objected to being contacted. An import never creates them again or changes them – not even after the lead was deleted.',
  badge: 'Do not contact',
  tooltip: 'Do not contact: the person objected to being contacted.',
  delete: 'Delete lead',
  deleteTitle: 'Delete lead?',
  deleteText:
    '{{name}} will be deleted for good, with stage history, activities and BANT. This cannot be undone.',
  deleteSuppressed:
    '{{name}} is marked "do not contact": the email address and phone numbers stay on the suppression list as a hash, so that an import does not create the person again.',
  deleteConfirm: 'Delete for good',
  deleted: '{{name}} was deleted.',
  importedFrom: 'Imported from {{file}}',
};
