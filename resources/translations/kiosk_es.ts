<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es_US">
<context>
    <name>WelcomeScreen</name>
    <message>
        <source>Welcome</source>
        <translation>Bienvenido</translation>
    </message>
    <message>
        <source>Welcome to {clinic}</source>
        <translation>Bienvenido a {clinic}</translation>
    </message>
    <message>
        <source>Check in here to see a provider by video.</source>
        <translation>Regístrese aquí para ver a un proveedor de salud por video.</translation>
    </message>
    <message>
        <source>Check in</source>
        <translation>Registrarse</translation>
    </message>
    <message>
        <source>I have a patient code</source>
        <translation>Tengo un código de paciente</translation>
    </message>
    <message>
        <source>This kiosk is out of service — please see the front desk</source>
        <translation>Este quiosco está fuera de servicio — por favor, acuda a la recepción</translation>
    </message>
    <message>
        <source>It will be back by itself as soon as it can.</source>
        <translation>Volverá a funcionar por sí solo lo antes posible.</translation>
    </message>
</context>
</TS>
