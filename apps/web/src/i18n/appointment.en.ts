import { type appointmentVi } from './appointment.vi';

/** English labels of the appointment's forms; the same keys as `appointment.vi.ts`. */
export const appointmentEn: typeof appointmentVi = {
  variant: {
    appointment: 'Appointment (nominated within the unit)',
    reappointment: 'Reappointment',
    transfer: 'Transfer',
    rotation: 'Rotation',
    ratification: 'Committee member elected by the committee, ratified by the higher level',
  },
  kindHelp: {
    appointment:
      'Appointment, reappointment, transfer or rotation to one post; or a member the committee elects, ratified above',
  },
  launch: {
    appointmentVariant: 'Form',
    appointmentVariantHelp: 'Except for an appointment within the unit, pick exactly one person in the list below',
    postTitle: 'Post',
    centralManagement: 'Post under central management',
    appointmentNoPerson: 'An appointment within the unit finds its nominees by ballot: pick nobody in advance.',
    appointmentOnePerson: 'Pick exactly one person to reappoint, transfer, rotate or ratify.',
  },
  outcome: {
    ratified: 'Ratified by the higher level',
  },
  event: {
    MemberRatified: 'The higher committee ratified the elected member',
    MemberRatificationRefused: 'The higher committee refused to ratify the elected member',
  },
  error: {
    APPOINTMENT_PERSON_MISSING: 'Name the person reappointed, transferred, rotated or elected.',
    APPOINTMENT_PERSON_UNEXPECTED:
      'An appointment within the unit finds its nominees by ballot; name nobody in advance.',
  },
};
