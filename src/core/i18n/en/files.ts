import type { Catalog } from '../catalog';

/** English texts. Files the user names, and database files. */
export const files: Catalog['files'] = {
  folderMissing: 'The folder “{{folder}}” does not exist. Please choose an existing folder.',
  isFolder: '“{{file}}” is a folder. Please give a file name.',
  notAFile: '“{{file}}” is not an ordinary file (e.g. a device). Please choose another file name.',
  writeFailed:
    'The file “{{file}}” could not be written ({{detail}}). Please check write permissions and free space, or choose another place. An existing file of that name is unchanged.',
  serverPath:
    'In the browser, files are uploaded and downloaded; paths on the server are not allowed. Please upload the file.',
  replaceTitle: 'Replace file?',
  replaceText: 'The file “{{file}}” already exists. Replace it? Its current content will be lost.',
  replace: 'Replace',
  uploadTooLarge:
    'The file “{{file}}” is too large to upload (at most {{max}} MB). Please split the list.',
  uploadFailed: 'The file “{{file}}” could not be uploaded ({{detail}}). Please try again.',
};

export const databaseFiles: Catalog['databaseFiles'] = {
  notAFolder:
    'The database "{{file}}" cannot be created there: "{{folder}}" is a file, not a folder. Please choose another place.',
};
