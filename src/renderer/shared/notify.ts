import { notifications } from '@mantine/notifications';

/** Shows a short error toast; refusals and server errors use it. */
export function notifyError(message: string, title?: string) {
  notifications.show({ color: 'red', title, message, autoClose: 7000 });
}

export function notifySuccess(message: string) {
  notifications.show({ color: 'teal', message, autoClose: 3000 });
}
