/**
 * The catalogue of ATD services that visits, surveys and complaints refer to. Ids are stable; names may be
 * reworded without a schema change. The list follows ATD's public service areas (carrier licences, permits,
 * public-transport passenger matters); confirm it against the published catalogue on atd.lv before relying on
 * a particular entry, and add services here rather than inventing ids in events.
 */
import { z } from 'zod';
export const SERVICE_IDS = [
  'carrier-licence',
  'licence-card',
  'taxi-licence-card',
  'international-permit',
  'bus-route-permit',
  'passenger-rights',
  'public-transport-info',
  'document-copy',
  'consultation',
] as const;
export const ServiceId = z.enum(SERVICE_IDS);
export type ServiceId = z.infer<typeof ServiceId>;

export interface ServiceInfo {
  id: ServiceId;
  name: { lv: string; en: string };
  /** Whether the service needs an identity document at the desk (the standard asks customers to bring one). */
  identityRequired: boolean;
}

export const Services: Record<ServiceId, ServiceInfo> = {
  'carrier-licence': {
    id: 'carrier-licence',
    name: { lv: 'Speciālā atļauja (licence) komercpārvadājumiem', en: 'Carrier licence for commercial transport' },
    identityRequired: true,
  },
  'licence-card': {
    id: 'licence-card',
    name: { lv: 'Licences kartīte transportlīdzeklim', en: 'Vehicle licence card' },
    identityRequired: true,
  },
  'taxi-licence-card': {
    id: 'taxi-licence-card',
    name: { lv: 'Taksometra licences kartīte', en: 'Taxi licence card' },
    identityRequired: true,
  },
  'international-permit': {
    id: 'international-permit',
    name: { lv: 'Starptautisko pārvadājumu atļauja', en: 'International carriage permit' },
    identityRequired: true,
  },
  'bus-route-permit': {
    id: 'bus-route-permit',
    name: { lv: 'Pārvadājumu atļauja maršrutā', en: 'Bus route carriage permit' },
    identityRequired: true,
  },
  'passenger-rights': {
    id: 'passenger-rights',
    name: { lv: 'Pasažieru tiesību jautājumi', en: 'Passenger rights' },
    identityRequired: false,
  },
  'public-transport-info': {
    id: 'public-transport-info',
    name: { lv: 'Informācija par sabiedrisko transportu', en: 'Public transport information' },
    identityRequired: false,
  },
  'document-copy': {
    id: 'document-copy',
    name: { lv: 'Dokumenta dublikāts vai kopija', en: 'Duplicate or copy of a document' },
    identityRequired: true,
  },
  consultation: { id: 'consultation', name: { lv: 'Konsultācija', en: 'Consultation' }, identityRequired: false },
};
